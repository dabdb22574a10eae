namespace Bot.Worker.Deadlines;

/// <summary>A stored step of an occurrence.</summary>
internal sealed record StepRow
{
    public long OccurrenceId { get; init; }
    public string Step { get; init; } = "";
    public long FireAt { get; init; }
    public long? IntervalMs { get; init; }
    public string State { get; init; } = StepState.Scheduled;
    public int FiredCount { get; init; }

    public DateTimeOffset Fire => DateTimeOffset.FromUnixTimeMilliseconds(FireAt);
}
