using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Bot.Worker.Storage.Postgres;
using Bot.Worker.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Quartz;

namespace Bot.Worker.Storage;

public static class StorageHostBuilderExtensions
{
    /// <summary>How long PostgreSQL keeps a session that sits idle inside a transaction (a silent node's) before it ends it and frees its locks.</summary>
    public static readonly TimeSpan IdleInTransaction = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The database of Storage:Provider, registered first so its start-up step (SQLite's single-instance
    /// guard, PostgreSQL's start-up lock, schema migration) runs before every other hosted service. Returns how
    /// Quartz's persistent store uses the same database (clustered on PostgreSQL). Who leads is the Cluster's
    /// (<c>AddCluster</c>, right after this).
    /// </summary>
    public static QuartzStorage AddStorage(this IHostApplicationBuilder builder, ContentPaths paths, string nodeId)
    {
        var provider = builder.Configuration[$"{StorageOptions.Section}:Provider"] ?? StorageOptions.Sqlite;
        var connectionString = builder.Configuration[$"{StorageOptions.Section}:ConnectionString"] ?? new StorageOptions().ConnectionString;
        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddSingleton<StorageOutage>();
        if (string.Equals(provider, StorageOptions.Postgres, StringComparison.Ordinal))
        {
            return new QuartzStorage(builder.AddPostgresStorage(connectionString), nodeId);
        }
        // Any other value is refused by the options validation at start.
        return new QuartzStorage(builder.AddSqliteStorage(connectionString, paths), null);
    }

    private static Action<IPersistentStoreBuilder> AddSqliteStorage(this IHostApplicationBuilder builder, string connectionString, ContentPaths paths)
    {
        builder.Services.AddSingleton<SqliteDatabase>();
        builder.Services.AddSingleton<IDatabase>(sp => sp.GetRequiredService<SqliteDatabase>());
        builder.Services.AddSingleton<SqliteInstanceLock>();
        builder.Services.AddHostedService<SqliteStorageInitializer>();
        var resolved = SqliteDatabase.Resolve(connectionString, paths).ToString();
        return store => store.UseSqlite(resolved);
    }

    private static Action<IPersistentStoreBuilder> AddPostgresStorage(this IHostApplicationBuilder builder, string connectionString)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new StartupException($"Storage:ConnectionString is not a valid PostgreSQL connection string ({ex.Message}); expected Host=...;Database=...;Username=...", ex);
        }
        if (string.IsNullOrEmpty(parsed.Host) || string.IsNullOrEmpty(parsed.Database))
        {
            throw new StartupException("Storage:ConnectionString must name Host and Database for PostgreSQL (Host=...;Database=...;Username=...)");
        }
        // A node whose connection goes silent mid-transaction (a partition: no reset, no FIN) would hold its row locks
        // for as long as TCP believes in the connection, hours, and every other node's write of those rows would wait.
        // The server ends such a session itself once it has been idle in a transaction this long (issue 18).
        if (!(parsed.Options ?? "").Contains("idle_in_transaction_session_timeout", StringComparison.Ordinal))
        {
            parsed.Options = $"{parsed.Options} -c idle_in_transaction_session_timeout={(int)IdleInTransaction.TotalMilliseconds}".Trim();
        }
        var forQuartz = parsed.ConnectionString;
        // Statements repeat (the same few dozen texts all day): let Npgsql prepare them on the server once.
        if (parsed.MaxAutoPrepare == 0)
        {
            parsed.MaxAutoPrepare = 64;
        }
        var tuned = parsed.ConnectionString;
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(tuned));
        builder.Services.AddSingleton<PostgresDatabase>();
        builder.Services.AddSingleton<IDatabase>(sp => sp.GetRequiredService<PostgresDatabase>());
        builder.Services.AddSingleton<PostgresStartupLock>();
        builder.Services.AddHostedService<PostgresStorageInitializer>();
        return store =>
        {
            store.UsePostgres(forQuartz);
            store.ProvisionSchema();
            // Every node runs jobs; each trigger fires on one of them, and a dead node's recoverable jobs run again elsewhere.
            store.UseClustering(c =>
            {
                c.CheckinInterval = TimeSpan.FromSeconds(5);
                c.CheckinMisfireThreshold = TimeSpan.FromSeconds(7.5);
            });
        };
    }
}
