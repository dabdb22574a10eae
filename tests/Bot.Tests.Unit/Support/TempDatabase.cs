using Bot.TestDatabases;
using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Bot.Worker.Storage;
using Bot.Worker.Storage.Postgres;
using Bot.Worker.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bot.Tests.Unit.Support;

/// <summary>A migrated database of either provider: a SQLite file in a temporary directory, or a fresh PostgreSQL database on the test server; deleted afterwards.</summary>
public sealed class TempDatabase : IAsyncDisposable
{
    private readonly ScratchDatabase? _postgres;
    private readonly NpgsqlDataSource? _source;

    private TempDatabase(string directory, IDatabase database, ScratchDatabase? postgres, NpgsqlDataSource? source)
    {
        Directory = directory;
        Database = database;
        _postgres = postgres;
        _source = source;
    }

    public string Directory { get; }

    internal IDatabase Database { get; }

    /// <summary>The SQLite file (SQLite only).</summary>
    public string SqliteFile => Path.Combine(Directory, "bot.db");

    internal static async Task<TempDatabase> CreateAsync(TimeProvider clock, StorageProvider provider = StorageProvider.Sqlite)
    {
        var directory = Path.Combine(Path.GetTempPath(), "bot-unit-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        TempDatabase temp;
        if (provider == StorageProvider.Postgres)
        {
            var scratch = await ScratchDatabase.CreateAsync("unit");
            var source = NpgsqlDataSource.Create(scratch.ConnectionString);
            temp = new TempDatabase(directory, new PostgresDatabase(source, []), scratch, source);
        }
        else
        {
            temp = new TempDatabase(directory, new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = "Data Source=bot.db" }), new ContentPaths(directory)), null, null);
        }
        await new SchemaMigrator(temp.Database, clock, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return temp;
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_source is not null)
        {
            await _source.DisposeAsync();
        }
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
