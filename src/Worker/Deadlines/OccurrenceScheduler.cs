using Bot.Worker.Storage;

namespace Bot.Worker.Deadlines;

/// <summary>
/// Creates, reschedules and cancels occurrences, keeping the step table and Quartz in step. Steps
/// already in the past when planned follow the downtime rules: only the latest missed reminder goes
/// out (marked late) while the deadline is ahead; once it has passed, only the overdue notice.
/// Each change is one unit of work (the caller's when there is one); Quartz follows once it commits.
/// </summary>
internal sealed class OccurrenceScheduler(IDatabase database, OccurrenceStore store, IStepScheduler scheduler, TimeProvider clock)
{
    public async Task<Occurrence> CreateAsync(DeadlineDefinition d, DateTimeOffset due, string key, DateTimeOffset? openedAt, string? reference, string state, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var planned = state == OccurrenceState.Open ? Plan(DeadlineCalendar.Steps(d, due, openedAt), due, now) : [];
        var occurrence = new Occurrence
        {
            DeadlineId = d.Id, OccurrenceKey = key, TeamId = d.TeamId, Title = d.Title, Ref = reference,
            DueAt = due.ToMs(), OpenedAt = openedAt?.ToMs(), State = state,
        };
        var (stored, created) = await store.CreateAsync(occurrence, planned, ct);
        if (created)
        {
            foreach (var (step, _) in planned.Where(p => p.State == StepState.Scheduled))
            {
                await AfterCommitAsync(() => scheduler.ScheduleAsync(stored.Id, step.Name, step.At < now ? now : step.At, step.RepeatEvery, ct));
            }
        }
        return stored;
    }

    /// <summary>
    /// Recomputes the steps of an open occurrence (changed ladder, or a new due date). Steps already
    /// sent stay sent unless <paramref name="resend"/> (an approved extension starts the ladder over).
    /// </summary>
    public Task RescheduleAsync(Occurrence occurrence, DeadlineDefinition d, bool resend, CancellationToken ct) =>
        database.InTransactionAsync(token => RescheduleInUnitAsync(occurrence, d, resend, token), ct);

    /// <summary>Closes the occurrence as cancelled, cancels its steps and records why, unless it was no longer open.</summary>
    public Task CancelAsync(Occurrence occurrence, string reason, CancellationToken ct) => database.InTransactionAsync(async token =>
    {
        if (await store.CloseAsync(occurrence.Id, OccurrenceState.Cancelled, null, token))
        {
            await StopStepsAsync(occurrence.Id, token);
            await store.AddEventAsync(occurrence.Id, "cancelled", null, detail: reason, ct: token);
        }
    }, ct);

    private async Task RescheduleInUnitAsync(Occurrence occurrence, DeadlineDefinition d, bool resend, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var existing = (await store.StepsAsync(occurrence.Id, ct)).ToDictionary(s => s.Step);
        var wanted = DeadlineCalendar.Steps(d, occurrence.Due, occurrence.OpenedAt is { } o ? UnixTime.FromMs(o) : null);
        foreach (var gone in existing.Values.Where(s => s.State == StepState.Scheduled && !StepName.IsSnooze(s.Step, out _)
                     && wanted.All(w => w.Name != s.Step) && s.Step != StepName.OverdueNotice))
        {
            await store.SetStepStateAsync(occurrence.Id, gone.Step, StepState.Cancelled, "no longer in the ladder", ct);
            await AfterCommitAsync(() => scheduler.CancelAsync(occurrence.Id, gone.Step, ct));
        }
        foreach (var step in wanted)
        {
            var old = existing.GetValueOrDefault(step.Name);
            var done = old is { State: StepState.Sent or StepState.Skipped };
            if ((done && !(resend && step.At > now)) || step.Name == StepName.Open)
            {
                continue;
            }
            if (step.At <= now && old is null)
            {
                await store.UpsertStepAsync(occurrence.Id, step, StepState.Skipped, ct);
                continue;
            }
            await store.UpsertStepAsync(occurrence.Id, step, StepState.Scheduled, ct);
            await AfterCommitAsync(() => scheduler.ScheduleAsync(occurrence.Id, step.Name, step.At < now ? now : step.At, step.RepeatEvery, ct));
        }
    }

    /// <summary>Adds (or moves) one step, in the table and in Quartz.</summary>
    public async Task ScheduleStepAsync(long occurrenceId, PlannedStep step, CancellationToken ct)
    {
        await store.UpsertStepAsync(occurrenceId, step, StepState.Scheduled, ct);
        await AfterCommitAsync(() => scheduler.ScheduleAsync(occurrenceId, step.Name, step.At, step.RepeatEvery, ct));
    }

    /// <summary>Every later step of the occurrence is cancelled, in the table and in Quartz.</summary>
    public async Task StopStepsAsync(long occurrenceId, CancellationToken ct)
    {
        await store.CancelStepsAsync(occurrenceId, ct);
        await AfterCommitAsync(() => scheduler.CancelAsync(occurrenceId, null, ct));
    }

    /// <summary>Quartz writes through connections of its own: inside a unit of work, its change waits for the commit.</summary>
    private Task AfterCommitAsync(Func<Task> quartz) => database.AfterCommitAsync(quartz);

    private static List<(PlannedStep Step, string State)> Plan(IReadOnlyList<PlannedStep> steps, DateTimeOffset due, DateTimeOffset now)
    {
        var lastMissedReminder = due > now ? steps.Where(s => s.IsReminder && s.At <= now).MaxBy(s => s.At) : null;
        var plan = steps.Select(s => (s, s.At > now || !s.IsReminder || s == lastMissedReminder ? StepState.Scheduled : StepState.Skipped)).ToList();
        if (due <= now)
        {
            plan.Add((new PlannedStep(StepName.OverdueNotice, now), StepState.Scheduled));
        }
        return plan;
    }
}
