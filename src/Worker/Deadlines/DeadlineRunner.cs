using Bot.Worker.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Deadlines;

/// <summary>
/// Runs one step when its trigger fires. A reminder that fires after downtime goes out once, marked
/// late, if the deadline is still ahead; if it has passed, the team gets the overdue notice instead.
/// Closed occurrences and steps already handled do nothing, so a repeated firing is harmless.
/// </summary>
internal sealed partial class DeadlineRunner(
    IDatabase database, OccurrenceStore store, SnoozeStore snoozes, DeadlineDefinitions definitions, DeadlineNotifier notifier, OccurrenceScheduler scheduler,
    TimeProvider clock, ILogger<DeadlineRunner> logger)
{
    /// <summary>A step that runs this long after its time is "late" (sent after downtime).</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Runs the step in one unit of work: the checks, the outbox rows, the evidence and the step's new state commit
    /// together or not at all. A run cut short (a crash; Quartz then recovers the job) leaves the step as it was,
    /// and the next run does all of it once. Quartz triggers change after the commit.
    /// </summary>
    public Task RunAsync(long occurrenceId, string step, CancellationToken ct) =>
        database.InTransactionAsync(token => RunInUnitAsync(occurrenceId, step, token), ct);

    private async Task RunInUnitAsync(long occurrenceId, string step, CancellationToken ct)
    {
        var occurrence = await store.FindAsync(occurrenceId, ct);
        var deadline = occurrence is null ? null : await definitions.ForAsync(occurrence, ct);
        if (occurrence is null || deadline is null || occurrence.State != OccurrenceState.Open)
        {
            if (occurrence is not null)
            {
                await scheduler.StopStepsAsync(occurrenceId, ct);
            }
            return;
        }
        var steps = await store.StepsAsync(occurrenceId, ct);
        var row = steps.FirstOrDefault(s => s.Step == step);
        if (row is not { State: StepState.Scheduled })
        {
            return;
        }
        var now = clock.GetUtcNow();
        var late = now - row.Fire > LateAfter;
        if (late)
        {
            LogLate(occurrence.OccurrenceKey, step, row.Fire);
        }
        switch (step)
        {
            case var s when StepName.IsReminder(s) || s == StepName.Open:
                await RemindAsync(occurrence, deadline, row, steps, now, late, ct);
                break;
            case var s when StepName.IsSnooze(s, out var user):
                await notifier.RemindAsync(occurrence, deadline, row, late, user, new HashSet<long>(), ct);
                await snoozes.EndAsync(occurrenceId, user, ct);
                await store.SetStepStateAsync(occurrenceId, step, StepState.Sent, null, ct);
                break;
            case StepName.OverdueNotice:
                await notifier.OverdueAsync(occurrence, deadline, toLead: false, 1, ct);
                await store.SetStepStateAsync(occurrenceId, step, StepState.Sent, null, ct);
                break;
            case StepName.Escalate when now >= occurrence.Due:
                var count = await store.CountFiringAsync(occurrenceId, step, ct);
                await notifier.OverdueAsync(occurrence, deadline, toLead: true, count, ct);
                if (row.IntervalMs is null)
                {
                    await store.SetStepStateAsync(occurrenceId, step, StepState.Sent, null, ct);
                }
                break;
            case StepName.Due:
                await store.SetStepStateAsync(occurrenceId, step, StepState.Sent, null, ct);
                await store.AddEventAsync(occurrenceId, "due", null, ct: ct);
                break;
        }
    }

    private async Task RemindAsync(Occurrence o, DeadlineDefinition d, StepRow row, IReadOnlyList<StepRow> steps, DateTimeOffset now, bool late, CancellationToken ct)
    {
        if (row.Step != StepName.Open && now >= o.Due)
        {
            await store.SetStepStateAsync(o.Id, row.Step, StepState.Skipped, "deadline passed before it could be sent", ct);
            if (steps.All(s => s.Step != StepName.OverdueNotice))
            {
                await store.UpsertStepAsync(o.Id, new PlannedStep(StepName.OverdueNotice, now), StepState.Sent, ct);
                await notifier.OverdueAsync(o, d, toLead: false, 1, ct);
            }
            return;
        }
        if (steps.Any(s => s.State == StepState.Scheduled && StepName.IsReminder(s.Step)
                && s.FireAt > row.FireAt && s.Fire <= now))
        {
            await store.SetStepStateAsync(o.Id, row.Step, StepState.Skipped, "a later reminder is due and replaces it", ct);
            return;
        }
        var snoozed = (await snoozes.ListActiveAsync(o.Id, now, ct)).ToHashSet();
        await notifier.RemindAsync(o, d, row, late, null, snoozed, ct);
        await store.SetStepStateAsync(o.Id, row.Step, StepState.Sent, late ? "late" : null, ct);
    }

    [LoggerMessage(LogLevel.Information, "Step {Step} of {Occurrence} runs late (was due at {Due})")]
    private partial void LogLate(string occurrence, string step, DateTimeOffset due);
}
