using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;

namespace Bot.Worker.Storage.Postgres;

/// <summary>
/// A statement run once per row, in few round trips: a plain <c>INSERT ... VALUES (...)</c> becomes one
/// INSERT over arrays (<c>unnest</c>, up to 5,000 rows); anything else goes as <see cref="NpgsqlBatch"/>es of
/// many statements each. What makes a 1,000-row outbox batch cheap on PostgreSQL.
/// Parameters are the rows' public properties, named as in the SQL (<c>@Name</c>); batches take
/// positional parameters only, so the SQL is rewritten to <c>$1, $2, ...</c> once per statement text.
/// </summary>
internal static partial class PostgresBatch
{
    private const int StatementsPerBatch = 500;
    private const int RowsPerInsert = 5_000;
    private static readonly ConcurrentDictionary<Type, Dictionary<string, PropertyInfo>> Properties = new();
    private static readonly ConcurrentDictionary<string, (string Sql, string[] Names)> Positional = new();
    private static readonly ConcurrentDictionary<string, (string Sql, string[] Names)> Unnested = new();

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

    /// <summary>
    /// A plain INSERT ... VALUES (...) becomes <c>INSERT ... SELECT ... FROM unnest($1, $2, ...)</c>: one typed array
    /// per parameter, so one short statement text (parsed once, not 12,000 placeholders) carries up to
    /// <see cref="RowsPerInsert"/> rows in PostgreSQL's binary array format.
    /// </summary>
    private static async Task<int> InsertManyAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Match insert, IEnumerable rows, CancellationToken ct)
    {
        var (text, names) = Unnested.GetOrAdd(insert.Value, _ => ToUnnest(insert));
        var total = 0;
        foreach (var chunk in rows.Cast<object>().Chunk(RowsPerInsert))
        {
            await using var command = new NpgsqlCommand(text, connection, tx);
            foreach (var name in names)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = Column(chunk, name) });
            }
            total += await command.ExecuteNonQueryAsync(ct);
        }
        return total;
    }

    /// <summary>One parameter's values across the rows, as an array of the property's type (<c>long?[]</c> keeps its nulls).</summary>
    private static Array Column(object[] chunk, string name)
    {
        var type = PropertiesOf(chunk[0])[name].PropertyType;
        var values = Array.CreateInstance(type, chunk.Length);
        for (var i = 0; i < chunk.Length; i++)
        {
            values.SetValue(PropertiesOf(chunk[i])[name].GetValue(chunk[i]), i);
        }
        return values;
    }

    /// <summary>
    /// <c>INSERT INTO t (a, b, c) VALUES (@A, 'x', @A) tail</c> becomes
    /// <c>INSERT INTO t (a, b, c) SELECT u.p1, 'x', u.p1 FROM unnest($1) AS u(p1) tail</c>.
    /// </summary>
    private static (string Sql, string[] Names) ToUnnest(Match insert)
    {
        var names = new List<string>();
        var select = Parameter().Replace(insert.Groups["values"].Value, m =>
        {
            var index = names.FindIndex(n => string.Equals(n, m.Groups[1].Value, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                names.Add(m.Groups[1].Value);
                index = names.Count - 1;
            }
            return "u.p" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        var numbers = Enumerable.Range(1, names.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var sql = $"{insert.Groups["head"].Value} SELECT {select} FROM unnest({string.Join(", ", numbers.Select(n => "$" + n))}) "
            + $"AS u({string.Join(", ", numbers.Select(n => "p" + n))}) {insert.Groups["tail"].Value}";
        return (sql, names.ToArray());
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

    [GeneratedRegex(@"(?<![:@])@([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Parameter();
}
