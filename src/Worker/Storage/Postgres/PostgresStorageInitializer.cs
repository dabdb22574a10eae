using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bot.Worker.Storage.Postgres;

/// <summary>
/// Runs before every other hosted service: checks that PostgreSQL answers (else one line naming
/// Storage:ConnectionString, without the password), waits for the cluster's start-up lock, migrates,
/// and lets the next node start once this host has started.
/// </summary>
internal sealed partial class PostgresStorageInitializer(
    IOptions<StorageOptions> options, PostgresStartupLock startupLock, SchemaMigrator migrator, IHostApplicationLifetime lifetime,
    ILogger<PostgresStorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connectionString = options.Value.ConnectionString;
        var shown = PostgresDatabase.Describe(connectionString);
        try
        {
            await startupLock.AcquireAsync(connectionString, cancellationToken);
            lifetime.ApplicationStarted.Register(() => _ = startupLock.ReleaseAsync().AsTask());
            var applied = await migrator.MigrateAsync(cancellationToken);
            LogReady(shown, applied);
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or ArgumentException)
        {
            throw new StartupException($"Storage:ConnectionString: cannot use PostgreSQL at {shown}: {Reason(ex)}", ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string Reason(Exception ex) => ex switch
    {
        PostgresException pg => $"{pg.SqlState} {pg.MessageText}",
        _ => ex.InnerException is { } inner && ex is NpgsqlException ? $"{ex.Message} ({inner.Message})" : ex.Message,
    };

    [LoggerMessage(LogLevel.Information, "Storage: PostgreSQL at {Database} ({Applied} new migrations)")]
    private partial void LogReady(string database, int applied);
}
