namespace Bot.Worker.Deadlines;

/// <summary>What the planner last did for a deadline.</summary>
internal sealed record DeadlinePlan
{
    public string DeadlineId { get; init; } = "";
    public string Fingerprint { get; init; } = "";
    public long PlannedThrough { get; init; }
}
