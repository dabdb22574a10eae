using Bot.Worker.Common;
using Npgsql;

namespace Bot.Worker.Storage.Postgres;

/// <summary>
/// A session advisory lock held on a connection of its own for the worker's lifetime: a second worker
/// on the same database refuses to start. PostgreSQL releases it when the process dies (the
/// connection drops), even on kill -9.
/// </summary>
internal sealed class PostgresInstanceLock : IAsyncDisposable
{
    /// <summary>Arbitrary, fixed: "BOTW" in ASCII.</summary>
    private const long Key = 0x424F5457;
    private NpgsqlConnection? _connection;

    public async Task AcquireAsync(string connectionString, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "bot-instance-lock" };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", Key);
        if (await command.ExecuteScalarAsync(ct) is not true)
        {
            await connection.DisposeAsync();
            throw new StartupException(
                $"Another worker is already running on the PostgreSQL database {PostgresDatabase.Describe(connectionString)}. " +
                "Stop it first (running several workers on one database needs the cluster mode of a later version).");
        }
        _connection = connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }
}
