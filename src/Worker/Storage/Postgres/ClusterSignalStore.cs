using Npgsql;

namespace Bot.Worker.Storage.Postgres;

/// <summary>The NOTIFY and LISTEN of the cluster's change channel; PostgreSQL only.</summary>
internal sealed class ClusterSignalStore(NpgsqlDataSource source)
{
    public const string Channel = "bot_changes";

    public async Task NotifyAsync(string payload, CancellationToken ct)
    {
        await using var command = source.CreateCommand("SELECT pg_notify(@channel, @payload)");
        command.Parameters.AddWithValue("channel", Channel);
        command.Parameters.AddWithValue("payload", payload);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A connection of its own (not pooled) listening on the channel.</summary>
    public static async Task<NpgsqlConnection> ListenAsync(string connectionString, string applicationName, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = applicationName, KeepAlive = 5 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand($"LISTEN {Channel}", connection);
            await command.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
