using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;

namespace Bot.Worker.Storage.Postgres;

/// <summary>
/// A statement run once per row, in few round trips: a plain <c>INSERT ... VALUES (...)</c> becomes one
/// INSERT with many VALUES tuples (up to 1,000 rows); anything else goes as <see cref="NpgsqlBatch"/>es of
/// many statements each. What makes a 1,000-row outbox batch cheap on PostgreSQL.
/// Parameters are the rows' public properties, named as in the SQL (<c>@Name</c>); batches take
/// positional parameters only, so the SQL is rewritten to <c>$1, $2, ...</c> once per statement text.
/// </summary>
internal static partial class PostgresBatch
{
    private const int StatementsPerBatch = 500;
    private static readonly ConcurrentDictionary<Type, Dictionary<string, PropertyInfo>> Properties = new();
    private static readonly ConcurrentDictionary<string, (string Sql, string[] Names)> Positional = new();

    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, IEnumerable rows, CancellationToken ct)
    {
        if (MultiRowInsert().Match(sql) is { Success: true } insert && !sql.Contains("DO UPDATE", StringComparison.OrdinalIgnoreCase))
        {
            return await InsertManyAsync(connection, tx, insert, rows, ct);
        }
        var (text, names) = Positional.GetOrAdd(sql, ToPositional);
        var total = 0;
        await using var batch = new NpgsqlBatch(connection, tx);
        foreach (var row in rows)
        {
            var command = new NpgsqlBatchCommand(text);
            var properties = PropertiesOf(row!);
            foreach (var name in names)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = properties[name].GetValue(row) ?? DBNull.Value });
            }
            batch.BatchCommands.Add(command);
            if (batch.BatchCommands.Count == StatementsPerBatch)
            {
                total += await batch.ExecuteNonQueryAsync(ct);
                batch.BatchCommands.Clear();
            }
        }
        if (batch.BatchCommands.Count > 0)
        {
            total += await batch.ExecuteNonQueryAsync(ct);
        }
        return total;
    }

    /// <summary>A plain INSERT ... VALUES (...) becomes one statement with many VALUES tuples per round trip.</summary>
    private static async Task<int> InsertManyAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Match insert, IEnumerable rows, CancellationToken ct)
    {
        var (tuple, names) = Positional.GetOrAdd("(" + insert.Groups["values"].Value + ")", ToPositional);
        var perChunk = Math.Max(1, Math.Min(1000, 60_000 / Math.Max(1, names.Length)));
        var total = 0;
        foreach (var chunk in rows.Cast<object>().Chunk(perChunk))
        {
            var text = new System.Text.StringBuilder(insert.Groups["head"].Value).Append(" VALUES ");
            await using var command = new NpgsqlCommand { Connection = connection, Transaction = tx };
            for (var i = 0; i < chunk.Length; i++)
            {
                var offset = i * names.Length;
                text.Append(i == 0 ? "" : ", ").Append(Placeholder().Replace(tuple, m =>
                    "$" + (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + offset).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                var properties = PropertiesOf(chunk[i]);
                foreach (var name in names)
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = properties[name].GetValue(chunk[i]) ?? DBNull.Value });
                }
            }
            command.CommandText = text.Append(' ').Append(insert.Groups["tail"].Value).ToString();
            total += await command.ExecuteNonQueryAsync(ct);
        }
        return total;
    }

    private static Dictionary<string, PropertyInfo> PropertiesOf(object row) => Properties.GetOrAdd(row.GetType(),
        t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase));

    private static (string Sql, string[] Names) ToPositional(string sql)
    {
        var names = new List<string>();
        var text = Parameter().Replace(sql, m =>
        {
            var index = names.FindIndex(n => string.Equals(n, m.Groups[1].Value, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                names.Add(m.Groups[1].Value);
                index = names.Count - 1;
            }
            return "$" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        return (text, names.ToArray());
    }

    [GeneratedRegex(@"^\s*(?<head>INSERT\s+INTO\s+\w+\s*\([^)]*\))\s*VALUES\s*\((?<values>[^()]*)\)(?<tail>.*)$", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex MultiRowInsert();

    [GeneratedRegex(@"\$([0-9]+)")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?<![:@])@([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Parameter();
}
