namespace Bot.Worker.Deadlines;

/// <summary>One occurrence in a team's CSV export, with its evidence counted.</summary>
internal sealed record ExportRow
{
    public long Id { get; init; }
    public string DeadlineId { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Ref { get; init; }
    public long DueAt { get; init; }
    public string State { get; init; } = "";
    public long? ClosedBy { get; init; }
    public long? ClosedAt { get; init; }

    /// <summary>Reminder messages put in the outbox, one per recipient and step.</summary>
    public long RemindersSent { get; init; }

    public long ExtensionsRequested { get; init; }
    public long ExtensionsApproved { get; init; }
}
