using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Bot.Worker.Hosting;
using Bot.Worker.Storage.Postgres;
using Bot.Worker.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Quartz;

namespace Bot.Worker.Storage;

public static class StorageHostBuilderExtensions
{
    /// <summary>
    /// The database of Storage:Provider, registered first so its start-up step (single-instance guard
    /// and schema migration) runs before every other hosted service. Returns how Quartz's persistent
    /// store uses the same database.
    /// </summary>
    public static Action<IPersistentStoreBuilder> AddStorage(this IHostApplicationBuilder builder, ContentPaths paths)
    {
        var provider = builder.Configuration[$"{StorageOptions.Section}:Provider"] ?? StorageOptions.Sqlite;
        var connectionString = builder.Configuration[$"{StorageOptions.Section}:ConnectionString"] ?? new StorageOptions().ConnectionString;
        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddSingleton<StorageOutage>();
        if (string.Equals(provider, StorageOptions.Postgres, StringComparison.Ordinal))
        {
            return builder.AddPostgresStorage(connectionString);
        }
        // Any other value is refused by the options validation at start.
        return builder.AddSqliteStorage(connectionString, paths);
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
        // Statements repeat (the same few dozen texts all day): let Npgsql prepare them on the server once.
        if (parsed.MaxAutoPrepare == 0)
        {
            parsed.MaxAutoPrepare = 64;
        }
        var tuned = parsed.ConnectionString;
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(tuned));
        builder.Services.AddSingleton<PostgresDatabase>();
        builder.Services.AddSingleton<IDatabase>(sp => sp.GetRequiredService<PostgresDatabase>());
        builder.Services.AddSingleton<PostgresInstanceLock>();
        builder.Services.AddHostedService<PostgresStorageInitializer>();
        return store =>
        {
            store.UsePostgres(connectionString);
            store.ProvisionSchema();
        };
    }
}
