namespace Bot.Worker.Deadlines;

/// <summary>One step of an occurrence's schedule: a reminder, the due moment or the (repeating) escalation.</summary>
internal sealed record PlannedStep(string Name, DateTimeOffset At, TimeSpan? RepeatEvery = null)
{
    public const string Open = "open";
    public const string Due = "due";
    public const string Escalate = "escalate";
    public const string RemindPrefix = "remind:";
    public const string SnoozePrefix = "snooze:";

    public bool IsReminder => Name.StartsWith(RemindPrefix, StringComparison.Ordinal);
}
