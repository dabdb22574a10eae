using System.Diagnostics;
using Bot.Worker.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Cluster;

/// <summary>
/// The leader lease on PostgreSQL: a row with a holder, a term number and an expiry on the database's clock
/// (<see cref="LeaseStore"/>). The holder renews it every <see cref="RenewEvery"/>, each try bounded by
/// <see cref="CallTimeout"/> on this side; when it has not confirmed the lease for <see cref="ConfirmWithin"/> it ends
/// its term at once (stops polling and sending), whatever its connection is doing. The database ends a silent
/// holder's lease on its own <see cref="Ttl"/> after its last renewal, and another node takes it with the next term
/// number. No TCP keepalive, no session lock: a partition that closes nothing is handled like a crash, and the
/// holder has stopped (<see cref="ConfirmWithin"/>) well before anyone else can start (<see cref="Ttl"/>).
/// Wall-clock (Stopwatch) time, not the injected TimeProvider: these delays race real connections.
/// </summary>
internal sealed partial class LeaderLease(LeaseStore store, ClusterNode node, StorageOutage outage, ILogger<LeaderLease> logger)
    : BackgroundService, ILeadership
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan ConfirmWithin = TimeSpan.FromSeconds(8);
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan TryEvery = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(2);
    private TaskCompletionSource<LeaderTerm> _next = NewTerm();
    // The term being led, if any: leading ends the instant its token is cancelled (not when this loop notices).
    private volatile CancellationTokenSource? _leading;

    public string NodeId => node.Id;

    public bool IsLeader => _leading is { IsCancellationRequested: false };

    public async Task<LeaderTerm> WaitToLeadAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            var term = await Volatile.Read(ref _next).Task.WaitAsync(stoppingToken);
            if (!term.Token.IsCancellationRequested)
            {
                return term;
            }
            // The term just ended and the next one is not set up yet.
            await Task.Delay(50, stoppingToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var asked = Stopwatch.GetTimestamp();
            var term = await CallAsync(async ct => await store.TryTakeAsync(node.Id, Ttl, ct) ?? 0, "trying the leader lease", stoppingToken);
            if (term is { } number && number > 0)
            {
                await LeadAsync(number, asked, stoppingToken);
            }
            else
            {
                await DelayAsync(TryEvery, stoppingToken);
            }
        }
    }

    /// <summary>One term: renewed every second; it ends when a renewal is refused, when none was confirmed for <see cref="ConfirmWithin"/>, or at stop.</summary>
    private async Task LeadAsync(long number, long askedAt, CancellationToken stoppingToken)
    {
        using var term = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        // Counted from when the confirmed call was sent: the database's expiry is counted from a later moment.
        term.CancelAfter(Remaining(askedAt));
        _leading = term;
        Volatile.Read(ref _next).TrySetResult(new LeaderTerm(number, term.Token));
        LogLeading(node.Id, number);
        var taken = false;
        while (!term.IsCancellationRequested)
        {
            await DelayAsync(RenewEvery, term.Token);
            if (term.IsCancellationRequested)
            {
                break;
            }
            var sent = Stopwatch.GetTimestamp();
            switch (await CallAsync(ct => store.RenewAsync(node.Id, number, Ttl, ct), "renewing the leader lease", term.Token))
            {
                case true:
                    term.CancelAfter(Remaining(sent));
                    break;
                case false:
                    taken = true;
                    await term.CancelAsync();
                    break;
                default:
                    break; // Not confirmed: the term ends on its own once ConfirmWithin has passed since the last confirmation.
            }
        }
        _leading = null;
        Volatile.Write(ref _next, NewTerm());
        if (stoppingToken.IsCancellationRequested)
        {
            // A clean stop hands over at once instead of after the expiry; bounded, the lease expires anyway.
            await CallAsync(async ct => { await store.ReleaseAsync(node.Id, number, ct); return true; }, "releasing the leader lease", CancellationToken.None);
        }
        else if (taken)
        {
            LogTaken(node.Id, number);
        }
        else
        {
            LogLost(node.Id, number);
        }
    }

    /// <summary>How much longer a term confirmed by a call sent at <paramref name="sentAt"/> may go on unconfirmed.</summary>
    private static TimeSpan Remaining(long sentAt) =>
        ConfirmWithin - Stopwatch.GetElapsedTime(sentAt) is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;

    /// <summary>
    /// One call on the database, given up after <see cref="CallTimeout"/> on this side whatever the connection does
    /// (a silent one may never answer; the call is left to the driver's own cancellation). Null when it failed or timed out.
    /// </summary>
    private async Task<T?> CallAsync<T>(Func<CancellationToken, Task<T>> call, string what, CancellationToken ct) where T : struct
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CallTimeout);
        try
        {
            var result = await call(timeout.Token).WaitAsync(CallTimeout, ct);
            outage.Recovered();
            return result;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            if (StorageOutage.IsOutage(ex) || ex is TimeoutException or OperationCanceledException)
            {
                outage.Report(ex, what);
            }
            else
            {
                LogCallFailed(ex, what);
            }
            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
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

    private static TaskCompletionSource<LeaderTerm> NewTerm() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(LogLevel.Information, "Cluster: node {Node} leads, term {Term} (polls updates, dispatches, enqueues broadcasts)")]
    private partial void LogLeading(string node, long term);

    [LoggerMessage(LogLevel.Warning, "Cluster: node {Node} could not confirm its lease of term {Term} in time; polling and sending stopped")]
    private partial void LogLost(string node, long term);

    [LoggerMessage(LogLevel.Warning, "Cluster: node {Node}'s term {Term} is over (the lease expired and another node took it)")]
    private partial void LogTaken(string node, long term);

    [LoggerMessage(LogLevel.Warning, "Cluster: {What} failed")]
    private partial void LogCallFailed(Exception ex, string what);
}
