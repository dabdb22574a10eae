using System.Globalization;
using Bot.Worker.Cluster;
using Bot.Worker.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Delivery;

/// <summary>
/// Drains the outbox by priority, then age, and hands the rows that may go now to the <see cref="Courier"/>, which
/// claims, sends and records them. Sleeps until a row is enqueued, a send completes, a chat's gap or a deferred row
/// falls due; never polls in a loop. Sends to different chats run in parallel (Delivery:MaxParallelSends); one chat
/// (or robot, or address) gets one message at a time, in order. Whether a row may go now is its route's business
/// (<see cref="DeliveryRoutes"/>): while Telegram waits (a 429's pause, no global permit) the robots' and emails'
/// rows still go. Runs only while this node leads (one dispatcher per bot keeps the global
/// send budget); a term starts by putting the rows an earlier term or a crashed process left in flight back to
/// pending: they are the only ones sent twice.
/// </summary>
internal sealed partial class Dispatcher(
    ILeadership leadership,
    IClusterSignals cluster,
    OutboxDeliveryStore queue,
    Courier courier,
    SendGate gate,
    DeliveryRoutes routes,
    DispatchSignal signal,
    StorageOutage outage,
    TimeProvider clock,
    ILogger<Dispatcher> logger,
    BotMetrics metrics) : BackgroundService
{
    private const int PageSize = 256;
    private static readonly TimeSpan SafetyPoll = TimeSpan.FromMinutes(1);
    private readonly DeferredRows _deferred = new(queue, signal, clock);

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

    /// <summary>
    /// Raised when nothing can be sent now and nothing is in flight, with the time of the next wake-up
    /// and the number of notifications the pass had seen when it began (tests wait on it).
    /// </summary>
    public event Action<DateTimeOffset?, long>? Idle;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = stoppingToken.Register(() => _ = courier.CancelAfterGraceAsync());
        await LeaderLoop.RunAsync(leadership, DispatchAsync, stoppingToken);
        // Stopping: sends in flight finish and are recorded before the host goes on (and disposes the courier).
        await courier.DrainAsync();
    }

    /// <summary>One term as leader; returns (or throws OperationCanceledException) when it ends.</summary>
    private async Task DispatchAsync(LeaderTerm leading)
    {
        var (number, term) = (leading.Number, leading.Token);
        var released = false;
        while (!term.IsCancellationRequested)
        {
            DateTimeOffset? wake;
            var seen = signal.Notifications;
            try
            {
                if (!released)
                {
                    await ReleaseLeftInFlightAsync(number, term);
                    released = true;
                }
                wake = await PassAsync(number, term);
                outage.Recovered();
            }
            catch (OperationCanceledException) when (term.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (StorageOutage.IsOutage(ex))
            {
                // A claim may have been written though its answer was lost: look for rows left in flight again.
                released = false;
                outage.Report(ex, "reading the outbox");
                wake = clock.GetUtcNow() + TimeSpan.FromSeconds(2);
            }
            catch (Exception ex)
            {
                LogPassFailed(ex);
                wake = clock.GetUtcNow() + TimeSpan.FromSeconds(5);
            }
            var delay = wake is { } at ? at - clock.GetUtcNow() : SafetyPoll;
            if (courier.InFlight.IsEmpty)
            {
                Idle?.Invoke(wake, seen);
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

    private async Task ReleaseLeftInFlightAsync(long term, CancellationToken ct)
    {
        var released = await queue.ReleaseLeftInFlightAsync(courier.InFlight.Ids, term, ct);
        if (released.Count > 0)
        {
            LogReleased(released.Count, string.Join(", ", released.Select(r => r.ClaimedBy ?? "?").Distinct()));
        }
    }

    /// <summary>Passes over the outbox until one ends without something more urgent arriving; returns when to look again.</summary>
    private async Task<DateTimeOffset?> PassAsync(long term, CancellationToken ct)
    {
        while (true)
        {
            var (restart, wake) = await OnePassAsync(term, ct);
            if (!restart)
            {
                return wake;
            }
        }
    }

    /// <summary>One pass, priority by priority; restart is true when a more urgent row arrived while rows were starting.</summary>
    private async Task<(bool Restart, DateTimeOffset? Wake)> OnePassAsync(long term, CancellationToken ct)
    {
        // A chat passed over in this pass (busy, its gap not over, or one of its rows started) gets none
        // of its later rows in it either, even if it frees up meanwhile: one chat's messages go out in order.
        var passedOver = new HashSet<long>();
        // Telegram waits (paused after a 429, or out of global permits): the rest of the pass reads the other channels' rows only.
        var telegramWaits = false;
        signal.ClearUrgent();
        await courier.ReleaseUnclaimedAsync(ct);
        courier.InFlight.ForgetBefore(courier.InFlight.Mark());
        var wake = await _deferred.PromoteDueAsync(ct);
        for (var priority = 0; priority < OutboxDeliveryStore.PriorityCount; priority++)
        {
            long afterId = 0;
            while (true)
            {
                var fetchedAfter = courier.InFlight.Mark();
                var page = await queue.FetchPendingAsync(priority, afterId, PageSize, ct, otherChannelsOnly: telegramWaits);
                if (page.Count == 0)
                {
                    break;
                }
                afterId = page[^1].Id;
                if (!telegramWaits && gate.AllPausedUntil > clock.GetUtcNow())
                {
                    telegramWaits = true;
                    wake = Earliest(wake, gate.AllPausedUntil);
                }
                var ready = new List<OutboxRow>();
                var readyTelegram = new List<OutboxRow>();
                foreach (var row in page)
                {
                    if (courier.InFlight.Skip(row.Id, fetchedAfter) || passedOver.Contains(row.ChatId) || (telegramWaits && row.IsTelegram))
                    {
                        continue;
                    }
                    var now = clock.GetUtcNow();
                    if (IsExpired(row, now))
                    {
                        await queue.MarkExpiredAsync(row.Id, term, ct);
                        metrics.Failed(DeliveryState.Expired, row.Channel);
                        continue;
                    }
                    passedOver.Add(row.ChatId);
                    if (!routes.IsReady(row, now, out var readyAt))
                    {
                        wake = Earliest(wake, readyAt);
                    }
                    else if (row.IsTelegram)
                    {
                        readyTelegram.Add(row);
                    }
                    else
                    {
                        // The rows waiting behind it for the same robot may go with it as one digest.
                        ready.Add(routes.Digest(row, [.. page.Where(r => r.ChatId == row.ChatId && r.Id > row.Id && r.DigestLine is not null
                            && !courier.InFlight.Skip(r.Id, fetchedAfter) && !IsExpired(r, now))]));
                    }
                }
                // The other channels' rows first: they take none of Telegram's permits.
                ready.AddRange(readyTelegram);
                var (start, retryAt) = await courier.StartAllAsync(ready, term, ct);
                switch (start)
                {
                    case StartOutcome.Restart:
                        return (true, null);
                    case StartOutcome.Wait:
                        // Out of global permits (or paused): Telegram waits until one returns (a completing send wakes
                        // us too); the other channels' rows in the rest of the outbox still go.
                        telegramWaits = true;
                        wake = Earliest(wake, retryAt);
                        break;
                }
            }
        }
        return (false, wake);
    }

    private static bool IsExpired(OutboxRow row, DateTimeOffset now) => row.ExpiresAt is { } expires && expires <= now.ToMs();

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    [LoggerMessage(LogLevel.Information, "Dispatcher: {Count} messages were in flight when their dispatcher ({Nodes}) stopped; sending them again")]
    private partial void LogReleased(int count, string nodes);

    [LoggerMessage(LogLevel.Error, "Dispatcher pass failed; trying again in 5s")]
    private partial void LogPassFailed(Exception ex);
}
