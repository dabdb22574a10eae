using Bot.Worker.Configuration;
using Bot.Worker.Hosting;
using Bot.Worker.Storage;
using Bot.Worker.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Unit.Support;

/// <summary>A migrated SQLite database in a temporary directory, deleted afterwards.</summary>
public sealed class TempDatabase : IAsyncDisposable
{
    private TempDatabase(string directory, SqliteDatabase database)
    {
        Directory = directory;
        Database = database;
    }

    public string Directory { get; }

    internal SqliteDatabase Database { get; }

    internal static async Task<TempDatabase> CreateAsync(TimeProvider clock)
    {
        var directory = Path.Combine(Path.GetTempPath(), "bot-unit-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var database = new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = "Data Source=bot.db" }), new ContentPaths(directory));
        await new SchemaMigrator(database, clock, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return new TempDatabase(directory, database);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
        return ValueTask.CompletedTask;
    }
}
