using Bot.Worker.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Delivery;

/// <summary>
/// Starting and running the dispatcher's sends: the rows a pass found ready are claimed (in chunks,
/// one write each) and started as slots free up, at most N at once (Delivery:MaxParallelSends). A send
/// frees its slot and its chat when Telegram answers and stays in flight until its result is durable.
/// On stop, sends in flight get a grace period to finish and be recorded, and claimed rows that were
/// not sent go back to pending.
/// </summary>
internal sealed partial class Sends(
    SendGate gate,
    DeliveryAttempt attempt,
    OutboxClaims claims,
    DispatchSignal signal,
    StorageOutage outage,
    int maxParallel,
    TimeProvider clock,
    ILogger logger) : IDisposable
{
    private const int ClaimChunk = 32;
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _slots = new(maxParallel);
    private readonly CancellationTokenSource _stopping = new();

    public InFlightRows InFlight { get; } = new();

    /// <summary>
    /// Starts the rows that are ready, each claimed first. Without a global rate they are claimed in
    /// chunks, one write each, the next chunk's claim running while this chunk's sends start, so a send
    /// never waits for a write; with a rate, one at a time (starts are spaced anyway). Rows claimed but
    /// not started go back to pending.
    /// </summary>
    public async Task<(StartOutcome, DateTimeOffset?)> StartAllAsync(List<OutboxRow> ready, CancellationToken ct)
    {
        // Claiming ahead only pays when the sends may follow each other at once.
        var ahead = gate.BackToBackStarts > 1;
        var chunks = ready.Chunk(ahead ? ClaimChunk : 1).ToList();
        if (chunks.Count == 0 || signal.TakeMoreUrgentThan(ready[0].Priority))
        {
            return (chunks.Count == 0 ? StartOutcome.Started : StartOutcome.Restart, null);
        }
        var next = ClaimAsync(chunks[0], ct);
        for (var c = 0; c < chunks.Count; c++)
        {
            var rows = await next;
            var hasNext = c + 1 < chunks.Count;
            next = ahead && hasNext ? ClaimAsync(chunks[c + 1], ct) : Task.FromResult<OutboxRow[]>([]);
            var (start, retryAt) = (StartOutcome.Started, (DateTimeOffset?)null);
            var started = 0;
            try
            {
                while (started < rows.Length)
                {
                    (start, retryAt) = await StartAsync(rows[started], ct);
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
                await claims.ReleaseUnclaimedAsync(ct);
                return (start, retryAt);
            }
            if (!ahead && hasNext)
            {
                next = ClaimAsync(chunks[c + 1], ct);
            }
        }
        return (StartOutcome.Started, null);
    }

    private async Task<OutboxRow[]> ClaimAsync(OutboxRow[] rows, CancellationToken ct)
    {
        var claimed = await claims.ClaimAsync([.. rows.Select(r => r.Id)], ct);
        return [.. rows.Where(r => claimed.Contains(r.Id))];
    }

    /// <summary>Rows claimed but not started, and the chunk being claimed ahead, go back to pending.</summary>
    private async Task UnclaimAsync(IEnumerable<OutboxRow> notStarted, Task<OutboxRow[]> claimingAhead)
    {
        foreach (var row in notStarted.Concat(await claimingAhead))
        {
            claims.Unclaim(row.Id);
        }
    }

    private async Task<(StartOutcome, DateTimeOffset?)> StartAsync(OutboxRow row, CancellationToken term)
    {
        if (signal.TakeMoreUrgentThan(row.Priority))
        {
            return (StartOutcome.Restart, null);
        }
        await _slots.WaitAsync(term);
        if (!gate.TryStart(row.ChatId, clock.GetUtcNow(), out var retryAt))
        {
            _slots.Release();
            return (StartOutcome.Wait, retryAt);
        }
        InFlight.Start(row.Id);
        _ = RunAsync(row, term);
        return (StartOutcome.Started, null);
    }

    private async Task RunAsync(OutboxRow row, CancellationToken term)
    {
        var recorded = Task.CompletedTask;
        try
        {
            await Task.Yield();
            if (term.IsCancellationRequested)
            {
                // The lease was lost meanwhile: a node that no longer leads starts no new send.
                claims.Unclaim(row.Id);
            }
            else
            {
                recorded = await attempt.RunAsync(row, _stopping.Token);
            }
        }
        catch (Exception ex)
        {
            // The row goes back to pending and is tried again on the next pass.
            Report(ex, row);
            claims.Unclaim(row.Id);
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
            claims.Unclaim(row.Id);
        }
        finally
        {
            InFlight.Complete(row.Id);
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

    /// <summary>Stopping: sends still running after the grace period are cancelled.</summary>
    public async Task CancelAfterGraceAsync()
    {
        await Task.Delay(ShutdownGrace, clock);
        await _stopping.CancelAsync();
    }

    /// <summary>Stopping: waits for sends in flight to finish and be recorded, then releases what was claimed but not sent.</summary>
    public async Task DrainAsync()
    {
        for (var i = 0; i < maxParallel; i++)
        {
            await _slots.WaitAsync(ShutdownGrace + ShutdownGrace);
        }
        // Sends are over; wait (briefly) for their results to be written.
        await InFlight.WaitEmptyAsync(ShutdownGrace);
        try
        {
            // Nothing this node claimed but did not send stays marked in flight.
            await claims.ReleaseUnclaimedAsync(CancellationToken.None);
        }
        catch (Exception ex) when (StorageOutage.IsOutage(ex))
        {
            outage.Report(ex, "releasing claimed rows");
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _slots.Dispose();
    }

    [LoggerMessage(LogLevel.Error, "Recording the send of {Key} failed; it stays queued")]
    private partial void LogAttemptFailed(Exception ex, string key);
}

/// <summary>What happened when the dispatcher tried to start sends.</summary>
internal enum StartOutcome
{
    /// <summary>Every row it could start was started.</summary>
    Started,

    /// <summary>Something more urgent arrived: begin the pass again.</summary>
    Restart,

    /// <summary>Out of global permits or paused: wait.</summary>
    Wait,
}
