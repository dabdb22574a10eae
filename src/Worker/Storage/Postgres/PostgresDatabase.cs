using System.Data.Common;
using Bot.Worker.Configuration;
using Npgsql;

namespace Bot.Worker.Storage.Postgres;

/// <summary>PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>.</summary>
internal sealed class PostgresDatabase(NpgsqlDataSource source, IEnumerable<IStatementObserver> observers) : Database(observers)
{
    public override string Provider => StorageOptions.Postgres;

    public NpgsqlDataSource Source => source;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await source.OpenConnectionAsync(cancellationToken);

    // Not "= ANY(@p)": with a generic plan PostgreSQL may then scan a partial index whole (a state index
    // full of rows just sent) and filter by id; a join to the unnested array looks each id up by key.
    public override string InList(string column, string parameter) => $"{column} IN (SELECT unnest(@{parameter}))";

    public override string Unindexed(string column) => column;

    protected override Task<int> ExecuteManyAsync(DbConnection connection, DbTransaction tx, string sql, System.Collections.IEnumerable rows, CancellationToken ct) =>
        PostgresBatch.ExecuteAsync((NpgsqlConnection)connection, (NpgsqlTransaction)tx, sql, rows, ct);

    /// <summary>The connection string as it may be shown: host, port, database and user, never the password.</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return $"Host={b.Host};Port={b.Port};Database={b.Database};Username={b.Username}";
        }
        catch (ArgumentException)
        {
            return "(unreadable)";
        }
    }
}
