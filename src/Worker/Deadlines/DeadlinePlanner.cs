using System.Globalization;
using Bot.Worker.Common;
using Bot.Worker.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Deadlines;

/// <summary>
/// Turns the configuration into occurrences with scheduled steps: one-off deadlines once, recurring
/// ones for the coming <see cref="Horizon"/>. After downtime a recurring deadline gets one catch-up
/// occurrence, not one per missed slot. A changed deadline reschedules only its own occurrences.
/// Each deadline is planned in one unit of work: its cancellations, reschedules, new occurrences and the
/// saved plan commit together, so a plan cut short leaves the old plan, which the next run does again.
/// </summary>
internal sealed partial class DeadlinePlanner(
    IDatabase database, DeadlineConfigSource config, OccurrenceStore occurrences, DeadlinePlanStore planStore, TeamStore teams, OccurrenceScheduler steps,
    TimeProvider clock, ILogger<DeadlinePlanner> logger) : IDisposable
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(35);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Syncs the teams and plans every deadline; returns the users who joined or left a team with this file.</summary>
    public async Task<IReadOnlyCollection<long>> PlanAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var current = config.Current;
            var membersChanged = await teams.SyncAsync(current.Teams, ct);
            var plans = (await planStore.ListAsync(ct)).ToDictionary(p => p.DeadlineId);
            foreach (var deadline in current.Deadlines)
            {
                var plan = plans.GetValueOrDefault(deadline.Id);
                await database.InTransactionAsync(async token =>
                {
                    var through = await PlanDeadlineAsync(deadline, current, plan, token);
                    await planStore.SaveAsync(deadline.Id, deadline.Fingerprint, through, token);
                }, ct);
            }
            foreach (var removed in plans.Keys.Except(current.Deadlines.Select(d => d.Id)))
            {
                await database.InTransactionAsync(async token =>
                {
                    await CancelOpenAsync(removed, null, "deadline removed from the file", token);
                    await planStore.DeleteAsync(removed, token);
                }, ct);
            }
            return membersChanged;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<DateTimeOffset> PlanDeadlineAsync(DeadlineDefinition d, DeadlineConfig current, DeadlinePlan? plan, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var from = plan is null ? now : UnixTime.FromMs(plan.PlannedThrough);
        if (plan is not null && plan.Fingerprint != d.Fingerprint)
        {
            if (DueFields(plan.Fingerprint) != DueFields(d.Fingerprint))
            {
                // New dates: what has not fallen due yet is planned again from now.
                await CancelOpenAsync(d.Id, now, "deadline dates changed", ct);
                from = now;
            }
            foreach (var open in await occurrences.ListOpenOfDeadlineAsync(d.Id, null, ct))
            {
                await steps.RescheduleAsync(open, d, resend: false, ct);
            }
        }
        switch (d.Kind)
        {
            case DeadlineKind.OneOff:
                var due = DeadlineCalendar.OneOffDue(d);
                if (plan is null && due <= now)
                {
                    LogPast(d.Id, due);
                    await steps.CreateAsync(d, due, Key(d, due), null, null, OccurrenceState.Missed, ct);
                }
                else
                {
                    await steps.CreateAsync(d, due, Key(d, due), null, null, OccurrenceState.Open, ct);
                }
                return due;
            case DeadlineKind.Recurring:
                return await PlanRecurringAsync(d, current, from, now, ct);
            default:
                return now;
        }
    }

    private async Task<DateTimeOffset> PlanRecurringAsync(DeadlineDefinition d, DeadlineConfig current, DateTimeOffset from, DateTimeOffset now, CancellationToken ct)
    {
        var dues = DeadlineCalendar.RecurringDues(d, current.Holidays, from)
            .TakeWhile(due => due <= now || DeadlineCalendar.Steps(d, due).Min(s => s.At) <= now + Horizon)
            .Take(1000)
            .ToList();
        var missed = dues.Where(due => due <= now).ToList();
        if (missed.Count > 1)
        {
            LogCatchUp(d.Id, missed.Count - 1);
        }
        // Only the latest slot that passed while the worker was down is caught up.
        foreach (var due in missed.TakeLast(1).Concat(dues.Where(due => due > now)))
        {
            await steps.CreateAsync(d, due, Key(d, due), null, null, OccurrenceState.Open, ct);
        }
        return dues.Count > 0 ? dues[^1] : from;
    }

    private async Task CancelOpenAsync(string deadlineId, DateTimeOffset? dueAfter, string reason, CancellationToken ct)
    {
        var open = await occurrences.ListOpenOfDeadlineAsync(deadlineId, dueAfter, ct);
        foreach (var occurrence in open)
        {
            await steps.CancelAsync(occurrence, reason, ct);
        }
    }

    public void Dispose() => _gate.Dispose();

    public static string Key(DeadlineDefinition d, DateTimeOffset due) =>
        $"{d.Id}@{LocalTime.ToLocal(due, d.TimeZone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)}";

    private static string DueFields(string fingerprint) => fingerprint.Split('#')[0];

    [LoggerMessage(LogLevel.Information, "Deadline {Deadline} was due at {Due} before it was ever planned; recorded as missed, nothing sent")]
    private partial void LogPast(string deadline, DateTimeOffset due);

    [LoggerMessage(LogLevel.Warning, "Deadline {Deadline}: {Skipped} slots passed while the worker was down; only the latest is caught up")]
    private partial void LogCatchUp(string deadline, int skipped);
}
