namespace Bot.Worker.Batches;

/// <summary>A batch of numbers to act on (<c>batches</c>): act by one date, report each item's state by another.</summary>
internal sealed record Batch
{
    public long Id { get; init; }
    public string Title { get; init; } = "";
    public string TeamId { get; init; } = "";
    public string Language { get; init; } = "";
    public string TimeZone { get; init; } = "";
    public long ActBy { get; init; }
    public long ReportBy { get; init; }
    public long CreatedBy { get; init; }
    public long CreatedAt { get; init; }
    public long? ActOccurrenceId { get; init; }
    public long? ReportOccurrenceId { get; init; }

    public DateTimeOffset ActByAt => DateTimeOffset.FromUnixTimeMilliseconds(ActBy);

    public DateTimeOffset ReportByAt => DateTimeOffset.FromUnixTimeMilliseconds(ReportBy);
}
