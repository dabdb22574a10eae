using Npgsql;

namespace Bot.Worker.Storage.Postgres;

/// <summary>
/// Serialises the start of the nodes of a cluster: a session advisory lock, waited for, held on a
/// connection of its own while one node migrates the schema, provisions Quartz's tables and syncs
/// templates and configuration, and released once its host has started. PostgreSQL releases it when
/// the process dies (the connection drops), even on kill -9.
/// </summary>
internal sealed class PostgresStartupLock : IAsyncDisposable
{
    /// <summary>Arbitrary, fixed: "BOTW" in ASCII.</summary>
    private const long Key = 0x424F5457;
    private NpgsqlConnection? _connection;

    public async Task AcquireAsync(string connectionString, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "bot-startup-lock" };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(ct);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        _connection = connection;
    }

    public ValueTask ReleaseAsync() => DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _connection, null) is { } connection)
        {
            await connection.DisposeAsync();
        }
    }
}
