using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;

namespace Bot.Worker.Storage.Postgres;

/// <summary>
/// A statement run once per row, sent as <see cref="NpgsqlBatch"/>es of many statements each (one round
/// trip per batch instead of per row): what makes a 1,000-row outbox batch cheap on PostgreSQL.
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
        var (text, names) = Positional.GetOrAdd(sql, ToPositional);
        var total = 0;
        await using var batch = new NpgsqlBatch(connection, tx);
        foreach (var row in rows)
        {
            var command = new NpgsqlBatchCommand(text);
            var properties = Properties.GetOrAdd(row!.GetType(),
                t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase));
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

    [GeneratedRegex(@"(?<![:@])@([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Parameter();
}
