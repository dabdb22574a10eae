using Npgsql;

namespace Bot.TestDatabases;

/// <summary>A fresh, empty database on the shared test server, dropped on dispose.</summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly PostgresServer _server;

    private ScratchDatabase(PostgresServer server, string connectionString)
    {
        _server = server;
        ConnectionString = connectionString;
        Name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<ScratchDatabase> CreateAsync(string? prefix = null, CancellationToken cancellationToken = default)
    {
        var server = await PostgresServer.GetSharedAsync();
        return new ScratchDatabase(server, await server.CreateDatabaseAsync(prefix, cancellationToken));
    }

    public async ValueTask DisposeAsync() => await _server.DropDatabaseAsync(Name);
}
