namespace Bot.Worker.Deadlines;

/// <summary>One occurrence of a deadline (one due date) and its state.</summary>
internal sealed record Occurrence
{
    public long Id { get; init; }
    public string DeadlineId { get; init; } = "";
    public string OccurrenceKey { get; init; } = "";
    public string TeamId { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Ref { get; init; }
    public long DueAt { get; init; }
    public long OriginalDueAt { get; init; }
    public long? OpenedAt { get; init; }
    public string State { get; init; } = OccurrenceState.Open;
    public long? ClosedBy { get; init; }
    public long? ClosedAt { get; init; }

    public DateTimeOffset Due => DateTimeOffset.FromUnixTimeMilliseconds(DueAt);
}
