using System.Threading.Channels;
using Bot.Worker.Configuration;
using Bot.Worker.Storage;
using Bot.Worker.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Delivery;

/// <summary>
/// Claims, sends and records the rows the dispatcher found ready, under one term of leadership:
/// <list type="number">
/// <item>claims them for the term (<c>sending</c>, this node, the term's number), a chunk of 32 in one write, the next
/// chunk claimed while this one starts, so a send never waits for a write;</item>
/// <item>starts each when a slot (Delivery:MaxParallelSends) and its route's limits allow (<see cref="DeliveryRoutes"/>:
/// Telegram's gate for Telegram rows, a robot's or the mail server's own limit for theirs), and sends it through its
/// channel; a robot's digest is one send for several rows;</item>
/// <item>records the result: a sent row in a batch with whatever else was sent meanwhile (one transaction, by one
/// writer), anything else through <see cref="SendFailures"/>.</item>
/// </list>
/// A row is in flight from its start until its result is durable. Every claim and write carries the term's number,
/// and the database refuses it once a later term began: a node that lost the lease records and re-claims nothing.
/// Rows claimed but not started, and rows whose result could not be written, go back to pending.
/// </summary>
internal sealed partial class Courier : IAsyncDisposable
{
    private const int ClaimChunk = 32;
    // A lane that lets starts follow each other (the paid lane) waits this long in place for its next permits instead of
    // ending the pass: a new pass reads the outbox again, and at 1,000 a second that would be a read per message.
    private static readonly TimeSpan WaitInPlaceUnder = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan GatherPermitsFor = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RetryRecordEvery = TimeSpan.FromSeconds(1);
    private readonly OutboxDeliveryStore _store;
    private readonly DeliveryRoutes _routes;
    private readonly SendGate _gate;
    private readonly DispatchSignal _signal;
    private readonly SendFailures _failures;
    private readonly StorageOutage _outage;
    private readonly BotMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly ILogger<Courier> _logger;
    private readonly int _maxParallel;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<(long Id, long Term)> _unclaimed = new();
    private readonly Channel<(OutboxRow Row, int MessageId, TaskCompletionSource Done)> _sent =
        Channel.CreateUnbounded<(OutboxRow, int, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _recorder;

    public Courier(
        OutboxDeliveryStore store, DeliveryRoutes routes, SendGate gate, DispatchSignal signal, SendFailures failures,
        StorageOutage outage, BotMetrics metrics, IOptions<DeliveryOptions> options, TimeProvider clock, ILogger<Courier> logger)
    {
        (_store, _routes, _gate, _signal, _failures, _outage, _metrics, _clock, _logger) = (store, routes, gate, signal, failures, outage, metrics, clock, logger);
        _maxParallel = options.Value.MaxParallelSends;
        _slots = new SemaphoreSlim(_maxParallel);
        // Not part of whatever unit of work first asked for this singleton.
        using (ExecutionContext.SuppressFlow())
        {
            _recorder = Task.Run(RecordSentAsync);
        }
    }

    public InFlightRows InFlight { get; } = new();

    /// <summary>
    /// Claims and starts the rows that are ready. When their lane lets starts follow each other at once (no rate, or the
    /// paid lane's high one) they are claimed in chunks, the next chunk's claim running while this chunk's sends start;
    /// under a low rate, one at a time (starts are spaced anyway).
    /// </summary>
    public async Task<(StartOutcome, DateTimeOffset?)> StartAllAsync(List<OutboxRow> ready, long term, CancellationToken ct)
    {
        var ahead = ready.Count > 0 && _gate.BackToBack(ready[0].Paid);
        var chunks = ready.Chunk(ahead ? ClaimChunk : 1).ToList();
        if (chunks.Count == 0 || _signal.TakeMoreUrgentThan(ready[0].Priority))
        {
            return (chunks.Count == 0 ? StartOutcome.Started : StartOutcome.Restart, null);
        }
        var next = ClaimAsync(chunks[0], term, ct);
        for (var c = 0; c < chunks.Count; c++)
        {
            var rows = await next;
            var hasNext = c + 1 < chunks.Count;
            next = ahead && hasNext ? ClaimAsync(chunks[c + 1], term, ct) : Task.FromResult<OutboxRow[]>([]);
            var (start, retryAt) = (StartOutcome.Started, (DateTimeOffset?)null);
            var started = 0;
            try
            {
                while (started < rows.Length)
                {
                    (start, retryAt) = await StartAsync(rows[started], ct);
                    if (start == StartOutcome.Wait && ahead && retryAt is { } at && at - _clock.GetUtcNow() < WaitInPlaceUnder)
                    {
                        // Out of permits for a moment: gather a few before going on (a more urgent row still ends the wait's pass).
                        var wait = at - _clock.GetUtcNow();
                        await Task.Delay(wait > GatherPermitsFor ? wait : GatherPermitsFor, _clock, ct);
                        continue;
                    }
                    if (start != StartOutcome.Started)
                    {
                        break;
                    }
                    started++;
                }
            }
            catch
            {
                await UnclaimAsync(rows.Skip(started), next);
                throw;
            }
            if (start != StartOutcome.Started)
            {
                await UnclaimAsync(rows.Skip(started), next);
                // Pending again now, not at the next pass, which may be a pause away.
                await ReleaseUnclaimedAsync(ct);
                return (start, retryAt);
            }
            if (!ahead && hasNext)
            {
                next = ClaimAsync(chunks[c + 1], term, ct);
            }
        }
        return (StartOutcome.Started, null);
    }

    /// <summary>Claimed rows that were not sent, or whose result could not be written, go back to pending (if their term still holds).</summary>
    public async Task ReleaseUnclaimedAsync(CancellationToken ct)
    {
        if (_unclaimed.IsEmpty)
        {
            return;
        }
        var rows = _unclaimed.ToArray();
        foreach (var byTerm in rows.GroupBy(r => r.Term))
        {
            await _store.ReleaseClaimsAsync([.. byTerm.Select(r => r.Id)], byTerm.Key, ct);
        }
        for (var i = 0; i < rows.Length; i++)
        {
            _unclaimed.TryDequeue(out _);
        }
    }

    /// <summary>Claims the rows (and the rows merged into a digest); a digest whose first row was taken meanwhile gives its others back.</summary>
    private async Task<OutboxRow[]> ClaimAsync(OutboxRow[] rows, long term, CancellationToken ct)
    {
        var claimed = (await _store.ClaimAsync([.. rows.SelectMany(r => r.All).Select(r => r.Id)], term, ct)).ToHashSet();
        foreach (var orphan in rows.Where(r => !claimed.Contains(r.Id)).SelectMany(r => r.Merged).Where(m => claimed.Contains(m.Id)))
        {
            _unclaimed.Enqueue((orphan.Id, term));
        }
        return [.. rows.Where(r => claimed.Contains(r.Id)).Select(r => r with
        {
            Term = term,
            Merged = r.Merged.Count == 0 ? r.Merged : [.. r.Merged.Where(m => claimed.Contains(m.Id)).Select(m => m with { Term = term })],
        })];
    }

    private async Task UnclaimAsync(IEnumerable<OutboxRow> notStarted, Task<OutboxRow[]> claimingAhead)
    {
        foreach (var row in notStarted.Concat(await claimingAhead).SelectMany(r => r.All))
        {
            _unclaimed.Enqueue((row.Id, row.Term));
        }
    }

    private async Task<(StartOutcome, DateTimeOffset?)> StartAsync(OutboxRow row, CancellationToken term)
    {
        if (_signal.TakeMoreUrgentThan(row.Priority))
        {
            return (StartOutcome.Restart, null);
        }
        await _slots.WaitAsync(term);
        if (!_routes.TryStart(row, _clock.GetUtcNow(), out var retryAt))
        {
            _slots.Release();
            return (StartOutcome.Wait, retryAt);
        }
        foreach (var each in row.All)
        {
            InFlight.Start(each.Id);
        }
        _ = RunAsync(row, term);
        return (StartOutcome.Started, null);
    }

    /// <summary>One send: through the transport, then its result recorded; the slot and the chat are free once Telegram answered.</summary>
    private async Task RunAsync(OutboxRow row, CancellationToken term)
    {
        var recorded = Task.CompletedTask;
        try
        {
            await Task.Yield();
            if (term.IsCancellationRequested)
            {
                // The term ended meanwhile: a node that no longer leads starts no send.
                Unclaim(row);
            }
            else
            {
                recorded = await SendAsync(row);
            }
        }
        catch (Exception ex)
        {
            Report(ex, row);
            Unclaim(row);
        }
        finally
        {
            _routes.Complete(row);
            _slots.Release();
            _signal.Notify();
        }
        try
        {
            await recorded;
        }
        catch (Exception ex)
        {
            Report(ex, row);
            Unclaim(row);
        }
        finally
        {
            foreach (var each in row.All)
            {
                InFlight.Complete(each.Id);
            }
            _signal.Notify();
        }
    }

    private void Unclaim(OutboxRow row)
    {
        foreach (var each in row.All)
        {
            _unclaimed.Enqueue((each.Id, each.Term));
        }
    }

    /// <summary>Sends the row (a digest: its rows in one message) through its channel; returns a task that completes when its result is durable.</summary>
    private async Task<Task> SendAsync(OutboxRow row)
    {
        SendResult result;
        try
        {
            result = await _routes.SendAsync(row, _stopping.Token);
        }
        catch (Exception ex) when (SendFailures.IsTransportFailure(ex, _stopping.Token))
        {
            LogTransportFailure(ex, row.IdemKey);
            result = SendResult.Failed(SendOutcome.Transient, ex.GetType().Name + ": " + ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            foreach (var each in row.All)
            {
                await _failures.RecordBugAsync(each, ex, _stopping.Token);
            }
            return Task.CompletedTask;
        }
        if (result.Outcome != SendOutcome.Sent)
        {
            foreach (var each in row.All)
            {
                // A digest is retried whole (its parts are not recorded: the next digest may hold other rows).
                await _failures.RecordAsync(each, row.Merged.Count > 0 ? result with { PartsSent = 0 } : result, _stopping.Token);
            }
            return Task.CompletedTask;
        }
        var recorded = new List<Task>();
        foreach (var each in row.All)
        {
            _metrics.Sent(each.Priority, each.IdemKey, each.Channel);
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_sent.Writer.TryWrite((each, result.MessageId ?? 0, done)))
            {
                done.SetException(new ObjectDisposedException(nameof(Courier)));
            }
            recorded.Add(done.Task);
        }
        return recorded.Count == 1 ? recorded[0] : Task.WhenAll(recorded);
    }

    /// <summary>
    /// The one writer of sent results: whatever is waiting goes in one transaction. While the database is away the
    /// results are kept and tried again: a send Telegram accepted is never forgotten (and so never repeated) because of
    /// an outage, only because its term ended (the next leader sends it again: the rows in flight are the only repeats).
    /// </summary>
    private async Task RecordSentAsync()
    {
        var batch = new List<(OutboxRow Row, int MessageId, TaskCompletionSource Done)>();
        while (await _sent.Reader.WaitToReadAsync())
        {
            while (batch.Count < 256 && _sent.Reader.TryRead(out var result))
            {
                batch.Add(result);
            }
            while (true)
            {
                try
                {
                    var recorded = await _store.MarkSentBatchAsync([.. batch.Select(b => (b.Row.Id, b.MessageId, b.Row.Term))], _stopping.Token);
                    _outage.Recovered();
                    if (recorded < batch.Count)
                    {
                        LogFenced(batch.Count - recorded);
                    }
                    batch.ForEach(b => b.Done.TrySetResult());
                    break;
                }
                catch (Exception ex) when (!_stopping.IsCancellationRequested && StorageOutage.IsOutage(ex))
                {
                    _outage.Report(ex, "recording sent messages");
                    await Task.Delay(RetryRecordEvery);
                }
                catch (Exception ex)
                {
                    batch.ForEach(b => b.Done.TrySetException(ex));
                    break;
                }
            }
            batch.Clear();
        }
    }

    private void Report(Exception ex, OutboxRow row)
    {
        if (StorageOutage.IsOutage(ex))
        {
            _outage.Report(ex, "recording a send");
        }
        else
        {
            LogRecordFailed(ex, row.IdemKey);
        }
    }

    /// <summary>Stopping: sends still running after the grace period are cancelled.</summary>
    public async Task CancelAfterGraceAsync()
    {
        await Task.Delay(ShutdownGrace, _clock);
        await _stopping.CancelAsync();
    }

    /// <summary>Stopping: waits for sends in flight to finish and be recorded, then releases what was claimed but not sent.</summary>
    public async Task DrainAsync()
    {
        for (var i = 0; i < _maxParallel; i++)
        {
            await _slots.WaitAsync(ShutdownGrace + ShutdownGrace);
        }
        await InFlight.WaitEmptyAsync(ShutdownGrace);
        try
        {
            await ReleaseUnclaimedAsync(CancellationToken.None);
        }
        catch (Exception ex) when (StorageOutage.IsOutage(ex))
        {
            _outage.Report(ex, "releasing claimed rows");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _sent.Writer.TryComplete();
        _stopping.CancelAfter(ShutdownGrace);
        await _recorder;
        _stopping.Dispose();
        _slots.Dispose();
    }

    [LoggerMessage(LogLevel.Debug, "Send of {Key} failed in transport")]
    private partial void LogTransportFailure(Exception ex, string key);

    [LoggerMessage(LogLevel.Error, "Recording the send of {Key} failed; it stays queued")]
    private partial void LogRecordFailed(Exception ex, string key);

    [LoggerMessage(LogLevel.Warning, "{Count} sent messages were not recorded: their term of leadership is over (the next leader sends them again)")]
    private partial void LogFenced(int count);
}
