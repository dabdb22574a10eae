using System.Data.Common;
using Bot.TestDatabases;
using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Bot.Worker.Storage;
using Bot.Worker.Storage.Postgres;
using Bot.Worker.Storage.Sqlite;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bot.Tests.Integration.Support;

/// <summary>
/// The database a worker under test uses: a SQLite file in the test's directory, or a fresh database on
/// the test PostgreSQL server. Gives the worker's configuration for it and lets a test read it directly.
/// </summary>
internal sealed class TestStorage : IAsyncDisposable
{
    private readonly ScratchDatabase? _postgres;
    private NpgsqlDataSource? _source;

    private TestStorage(StorageProvider provider, string connectionString, ScratchDatabase? postgres)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgres = postgres;
    }

    public StorageProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<TestStorage> CreateAsync(StorageProvider provider, string directory)
    {
        if (provider == StorageProvider.Sqlite)
        {
            return new TestStorage(provider, $"Data Source={Path.Combine(directory, "bot.db")}", null);
        }
        var database = await ScratchDatabase.CreateAsync("it");
        return new TestStorage(provider, database.ConnectionString, database);
    }

    /// <summary>A PostgreSQL database the test made itself (on a server of its own); not dropped at dispose.</summary>
    public static TestStorage OnPostgres(string connectionString) => new(StorageProvider.Postgres, connectionString, null);

    /// <summary>Storage:Provider and Storage:ConnectionString for an in-process host.</summary>
    public void Apply(IDictionary<string, string?> configuration)
    {
        configuration["Storage:Provider"] = Provider.ToString();
        configuration["Storage:ConnectionString"] = ConnectionString;
    }

    /// <summary>The same, as command-line arguments for a worker process.</summary>
    public string[] Args => [$"--Storage:Provider={Provider}", $"--Storage:ConnectionString={ConnectionString}"];

    /// <summary>The worker's own database access (migrated), for tests that prepare data before a worker starts.</summary>
    public async Task<IDatabase> MigratedAsync()
    {
        IDatabase database = Provider == StorageProvider.Sqlite
            ? new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = ConnectionString }), new ContentPaths(Path.GetTempPath()))
            : new PostgresDatabase(_source ??= NpgsqlDataSource.Create(ConnectionString), []);
        await new SchemaMigrator(database, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return database;
    }

    public async Task<DbConnection> OpenAsync()
    {
        if (Provider == StorageProvider.Sqlite)
        {
            var sqlite = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString);
            await sqlite.OpenAsync();
            return sqlite;
        }
        return await (_source ??= NpgsqlDataSource.Create(ConnectionString)).OpenConnectionAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await OpenAsync();
        return await connection.ExecuteScalarAsync<T>(sql, args) ?? throw new InvalidOperationException("no value: " + sql);
    }

    public async ValueTask DisposeAsync()
    {
        if (_source is not null)
        {
            await _source.DisposeAsync();
        }
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
