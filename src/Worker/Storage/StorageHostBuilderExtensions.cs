using Bot.Worker.Configuration;
using Bot.Worker.Hosting;
using Bot.Worker.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Worker.Storage;

public static class StorageHostBuilderExtensions
{
    /// <summary>
    /// The database (Storage:Provider) and its start-up step: single-instance lock and schema
    /// migration, registered first so it runs before every other hosted service.
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder, ContentPaths paths)
    {
        var provider = builder.Configuration[$"{StorageOptions.Section}:Provider"] ?? "Sqlite";
        if (string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            throw new StartupException("Storage:Provider=Postgres is not available in this version yet; use Sqlite");
        }
        builder.Services.AddSingleton<SqliteDatabase>();
        builder.Services.AddSingleton<IDatabase>(sp => sp.GetRequiredService<SqliteDatabase>());
        builder.Services.AddSingleton<SqliteInstanceLock>();
        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddHostedService<SqliteStorageInitializer>();
        return builder;
    }

    /// <summary>The SQLite connection string Quartz shares with the app.</summary>
    internal static string SqliteConnectionString(IHostApplicationBuilder builder, ContentPaths paths) =>
        SqliteDatabase.Resolve(builder.Configuration[$"{StorageOptions.Section}:ConnectionString"] ?? new StorageOptions().ConnectionString, paths).ToString();
}
