using System.Globalization;
using Bot.Worker.Cluster;
using Bot.Worker.Configuration;
using Bot.Worker.Hosting;
using Bot.Worker.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Delivery;

/// <summary>
/// Drains the outbox by priority, then age. Sleeps until a row is enqueued, a send completes, a
/// chat's gap or a deferred row falls due; never polls in a loop. Sends to different chats run in
/// parallel (Delivery:MaxParallelSends); one chat gets one message at a time, in order.
/// Runs only while this node leads (one dispatcher per bot keeps the global send budget). Each row is
/// claimed ('sending', with this node) before it is sent; a term starts by putting the rows an earlier
/// term or a crashed process left in flight back to pending: they are the only ones sent twice.
/// </summary>
internal sealed partial class Dispatcher(
    ILeadership leadership,
    IClusterSignals cluster,
    OutboxDeliveryStore queue,
    OutboxClaims claims,
    SendGate gate,
    DispatchSignal signal,
    DeliveryAttempt attempt,
    StorageOutage outage,
    IOptions<DeliveryOptions> options,
    TimeProvider clock,
    ILogger<Dispatcher> logger,
    BotMetrics metrics) : BackgroundService
{
    private const int PageSize = 64;
    private static readonly TimeSpan SafetyPoll = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(10);
    private readonly InFlightRows _inFlight = new();
    private readonly SemaphoreSlim _slots = new(options.Value.MaxParallelSends);
    private readonly DeferredRows _deferred = new(queue, signal, clock);
    private readonly CancellationTokenSource _sends = new();

    /// <summary>Outbox rows enqueued on another node wake this one (if it leads).</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        cluster.Subscribe(ClusterChange.Outbox, (payload, _) =>
        {
            signal.Notify(int.TryParse(payload, CultureInfo.InvariantCulture, out var priority) ? (MessagePriority)priority : null);
            return Task.CompletedTask;
        });
        return base.StartAsync(cancellationToken);
    }

    /// <summary>Raised when nothing can be sent now and nothing is in flight, with the time of the next wake-up (tests wait on it).</summary>
    public event Action<DateTimeOffset?>? Idle;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = stoppingToken.Register(() => _ = CancelSendsAfterGraceAsync());
        await LeaderLoop.RunAsync(leadership, DispatchAsync, stoppingToken);
        // Stopping: sends in flight finish and are recorded before the host goes on (and disposes the recorder).
        await DrainInFlightAsync();
    }

    /// <summary>One term as leader; returns (or throws OperationCanceledException) when it ends.</summary>
    private async Task DispatchAsync(CancellationToken term)
    {
        var released = false;
        while (!term.IsCancellationRequested)
        {
            DateTimeOffset? wake;
            try
            {
                if (!released)
                {
                    await ReleaseLeftInFlightAsync(term);
                    released = true;
                }
                wake = await PassAsync(term);
                outage.Recovered();
            }
            catch (OperationCanceledException) when (term.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (StorageOutage.IsOutage(ex))
            {
                outage.Report(ex, "reading the outbox");
                wake = clock.GetUtcNow() + TimeSpan.FromSeconds(2);
            }
            catch (Exception ex)
            {
                LogPassFailed(ex);
                wake = clock.GetUtcNow() + TimeSpan.FromSeconds(5);
            }
            var delay = wake is { } at ? at - clock.GetUtcNow() : SafetyPoll;
            if (_inFlight.IsEmpty)
            {
                Idle?.Invoke(wake);
            }
            try
            {
                await signal.WaitAsync(delay < SafetyPoll ? delay : SafetyPoll, clock, term);
            }
            catch (OperationCanceledException) when (term.IsCancellationRequested)
            {
                break;
            }
        }
    }

    private async Task ReleaseLeftInFlightAsync(CancellationToken ct)
    {
        var released = await queue.ReleaseClaimsAsync(_inFlight.Ids, ct);
        if (released.Count > 0)
        {
            LogReleased(released.Count, string.Join(", ", released.Select(r => r.ClaimedBy ?? "?").Distinct()));
        }
    }

    private async Task<DateTimeOffset?> PassAsync(CancellationToken ct)
    {
        // A chat passed over in this pass (busy, or its gap not over) gets none of its later rows in it
        // either, even if it frees up meanwhile: one chat's messages go out in order.
        var passedOver = new HashSet<long>();
    restart:
        passedOver.Clear();
        signal.ClearUrgent();
        await claims.ReleaseUnclaimedAsync(ct);
        _inFlight.ForgetBefore(_inFlight.Mark());
        var wake = await _deferred.PromoteDueAsync(ct);
        for (var priority = 0; priority < OutboxDeliveryStore.PriorityCount; priority++)
        {
            long afterId = 0;
            while (true)
            {
                var fetchedAfter = _inFlight.Mark();
                var page = await queue.FetchPendingAsync(priority, afterId, PageSize, ct);
                if (page.Count == 0)
                {
                    break;
                }
                foreach (var row in page)
                {
                    afterId = row.Id;
                    if (_inFlight.Skip(row.Id, fetchedAfter))
                    {
                        continue;
                    }
                    var now = clock.GetUtcNow();
                    if (gate.PausedUntil > now)
                    {
                        return Earliest(wake, gate.PausedUntil);
                    }
                    if (row.ExpiresAt is { } expires && expires <= now.ToMs())
                    {
                        await queue.MarkExpiredAsync(row.Id, ct);
                        metrics.Failed(DeliveryState.Expired);
                        continue;
                    }
                    if (passedOver.Contains(row.ChatId))
                    {
                        continue;
                    }
                    if (!gate.IsChatReady(row.ChatId, now, out var readyAt))
                    {
                        passedOver.Add(row.ChatId);
                        wake = Earliest(wake, readyAt);
                        continue;
                    }
                    var (start, retryAt) = await StartAsync(row, ct);
                    switch (start)
                    {
                        case Start.Restart:
                            goto restart;
                        case Start.Wait:
                            // Out of global permits (or paused): sleep until one returns; a completing send wakes us too.
                            return Earliest(wake, retryAt);
                    }
                }
            }
        }
        return wake;
    }

    private async Task<(Start, DateTimeOffset?)> StartAsync(OutboxRow row, CancellationToken ct)
    {
        if (signal.TakeMoreUrgentThan(row.Priority))
        {
            return (Start.Restart, null);
        }
        await _slots.WaitAsync(ct);
        if (!gate.TryStart(row.ChatId, clock.GetUtcNow(), out var retryAt))
        {
            _slots.Release();
            return (Start.Wait, retryAt);
        }
        _inFlight.Start(row.Id);
        _ = RunAsync(row, ct);
        return (Start.Started, null);
    }

    private async Task RunAsync(OutboxRow row, CancellationToken term)
    {
        var recorded = Task.CompletedTask;
        var claimed = false;
        try
        {
            await Task.Yield();
            claimed = await claims.ClaimAsync(row.Id);
            if (claimed && term.IsCancellationRequested)
            {
                // The lease was lost meanwhile: a node that no longer leads starts no new send.
                claims.Unclaim(row.Id, claimed);
            }
            else if (claimed)
            {
                recorded = await attempt.RunAsync(row, _sends.Token);
            }
        }
        catch (Exception ex)
        {
            // The row goes back to pending and is tried again on the next pass.
            Report(ex, row);
            claims.Unclaim(row.Id, claimed);
        }
        finally
        {
            // The send is over: its slot and its chat are free. The row stays in flight (no page sends
            // it again) until its result is durable.
            gate.Complete(row.ChatId);
            _slots.Release();
            signal.Notify();
        }
        try
        {
            await recorded;
        }
        catch (Exception ex)
        {
            Report(ex, row);
            claims.Unclaim(row.Id, claimed);
        }
        finally
        {
            _inFlight.Complete(row.Id);
            signal.Notify();
        }
    }

    /// <summary>The row stays pending and is tried again on a later pass.</summary>
    private void Report(Exception ex, OutboxRow row)
    {
        if (StorageOutage.IsOutage(ex))
        {
            outage.Report(ex, "recording a send");
        }
        else
        {
            LogAttemptFailed(ex, row.IdemKey);
        }
    }

    private async Task CancelSendsAfterGraceAsync()
    {
        await Task.Delay(ShutdownGrace, clock);
        await _sends.CancelAsync();
    }

    private async Task DrainInFlightAsync()
    {
        for (var i = 0; i < options.Value.MaxParallelSends; i++)
        {
            await _slots.WaitAsync(ShutdownGrace + ShutdownGrace);
        }
        // Sends are over; wait (briefly) for their results to be written.
        await _inFlight.WaitEmptyAsync(ShutdownGrace);
    }

    public override void Dispose()
    {
        _sends.Dispose();
        _slots.Dispose();
        base.Dispose();
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    private enum Start
    {
        Started,
        Restart,
        Wait,
    }

    [LoggerMessage(LogLevel.Information, "Dispatcher: {Count} messages were in flight when their dispatcher ({Nodes}) stopped; sending them again")]
    private partial void LogReleased(int count, string nodes);

    [LoggerMessage(LogLevel.Error, "Dispatcher pass failed; trying again in 5s")]
    private partial void LogPassFailed(Exception ex);

    [LoggerMessage(LogLevel.Error, "Recording the send of {Key} failed; it stays queued")]
    private partial void LogAttemptFailed(Exception ex, string key);
}
