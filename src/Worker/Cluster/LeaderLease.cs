using Bot.Worker.Storage;
using Medallion.Threading.Postgres;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Bot.Worker.Cluster;

/// <summary>
/// The leader lease on PostgreSQL: a session advisory lock (DistributedLock.Postgres) on a connection of
/// its own, tried every <see cref="RetryEvery"/>. PostgreSQL frees it when the holder's connection drops
/// (kill -9 included); a keepalive every 500 ms makes the holder notice a dropped connection and end its
/// term within a second. A new term starts after <see cref="TakeoverGrace"/>, so the previous holder has
/// stopped sending before the outbox rows it had in flight are released. Wall-clock time, not the
/// injected TimeProvider: these delays race real connections, not the bot's schedule.
/// </summary>
internal sealed partial class LeaderLease(string connectionString, ClusterNode node, StorageOutage outage, ILogger<LeaderLease> logger)
    : BackgroundService, ILeadership
{
    public static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan TakeoverGrace = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan Keepalive = TimeSpan.FromMilliseconds(500);
    private TaskCompletionSource<CancellationToken> _term = NewTerm();
    // The term being led, if any: leading ends the instant its token is cancelled (not when this loop notices).
    private volatile CancellationTokenSource? _leadingTerm;

    public string NodeId => node.Id;

    public bool IsLeader => _leadingTerm is { IsCancellationRequested: false };

    public async Task<CancellationToken> WaitToLeadAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            var term = await Volatile.Read(ref _term).Task.WaitAsync(stoppingToken);
            if (!term.IsCancellationRequested)
            {
                return term;
            }
            // The term just ended and the next one is not set up yet.
            await Task.Delay(50, stoppingToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = $"bot-leader-{node.Id}" };
        // The lock's connection is busy in the library's loss monitor (pg_sleep) most of the time; without this
        // check (PostgreSQL 14+) the server would notice a holder killed with -9 only when that query ends.
        builder.Options = $"{builder.Options} -c client_connection_check_interval=1000".Trim();
        var lease = new PostgresDistributedLock(
            new PostgresAdvisoryLockKey("bot-leader", allowHashing: true), builder.ConnectionString,
            o => o.KeepaliveCadence(Keepalive).UseMultiplexing(false));
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            PostgresDistributedLockHandle? handle;
            try
            {
                handle = await lease.TryAcquireAsync(TimeSpan.Zero, stoppingToken);
                failing = false;
                outage.Recovered();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && StorageOutage.IsOutage(ex))
            {
                outage.Report(ex, "trying the leader lease");
                handle = null;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                if (!failing)
                {
                    LogTryFailed(ex);
                }
                failing = true;
                handle = null;
            }
            if (handle is null)
            {
                await DelayAsync(RetryEvery, stoppingToken);
                continue;
            }
            try
            {
                await LeadAsync(handle, stoppingToken);
            }
            finally
            {
                await ReleaseAsync(handle);
            }
        }
    }

    private async Task LeadAsync(PostgresDistributedLockHandle handle, CancellationToken stoppingToken)
    {
        using var term = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, handle.HandleLostToken);
        LogGained(node.Id);
        await DelayAsync(TakeoverGrace, term.Token);
        if (!term.IsCancellationRequested)
        {
            _leadingTerm = term;
            Volatile.Read(ref _term).TrySetResult(term.Token);
            LogLeading(node.Id);
            await DelayAsync(Timeout.InfiniteTimeSpan, term.Token);
        }
        _leadingTerm = null;
        Volatile.Write(ref _term, NewTerm());
        if (!stoppingToken.IsCancellationRequested)
        {
            LogLost(node.Id);
        }
    }

    private async Task ReleaseAsync(PostgresDistributedLockHandle handle)
    {
        try
        {
            // Bounded: a release stuck on a dead connection must not hold up shutdown (the lock dies with the connection).
            await handle.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception ex)
        {
            // The connection is already gone, and the lock with it.
            LogReleaseFailed(ex);
        }
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct);
        }
        catch (OperationCanceledException)
        {
            // The term ended or the host stops; the caller looks at its token.
        }
    }

    private static TaskCompletionSource<CancellationToken> NewTerm() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(LogLevel.Information, "Cluster: node {Node} took the leader lease; leading in a moment")]
    private partial void LogGained(string node);

    [LoggerMessage(LogLevel.Information, "Cluster: node {Node} leads (polls updates, dispatches, enqueues broadcasts)")]
    private partial void LogLeading(string node);

    [LoggerMessage(LogLevel.Warning, "Cluster: node {Node} lost the leader lease; polling and sending stopped")]
    private partial void LogLost(string node);

    [LoggerMessage(LogLevel.Debug, "Cluster: releasing the leader lease failed or took too long (it ends with its connection)")]
    private partial void LogReleaseFailed(Exception ex);

    [LoggerMessage(LogLevel.Debug, "Cluster: trying the leader lease failed; trying again")]
    private partial void LogTryFailed(Exception ex);
}
