namespace Bot.Worker.Deadlines;

/// <summary>Where an occurrence's steps are scheduled so they survive restarts (Quartz's persistent store).</summary>
internal interface IStepScheduler
{
    /// <summary>Schedules (or moves) one step; a past <paramref name="at"/> fires at once.</summary>
    Task ScheduleAsync(long occurrenceId, string step, DateTimeOffset at, TimeSpan? repeatEvery, CancellationToken cancellationToken);

    /// <summary>Removes one step (<paramref name="step"/>) or all of the occurrence's steps (null).</summary>
    Task CancelAsync(long occurrenceId, string? step, CancellationToken cancellationToken);
}
