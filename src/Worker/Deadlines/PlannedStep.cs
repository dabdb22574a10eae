namespace Bot.Worker.Deadlines;

/// <summary>One step of an occurrence's schedule (<see cref="StepName"/>): a reminder, the due moment or the (repeating) escalation.</summary>
internal sealed record PlannedStep(string Name, DateTimeOffset At, TimeSpan? RepeatEvery = null)
{
    public bool IsReminder => StepName.IsReminder(Name);
}
