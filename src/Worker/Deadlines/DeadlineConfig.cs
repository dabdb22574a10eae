namespace Bot.Worker.Deadlines;

/// <summary>The whole of deadlines.yaml, validated.</summary>
internal sealed record DeadlineConfig(TimeZoneInfo TimeZone, IReadOnlySet<DateOnly> Holidays, IReadOnlyList<TeamDefinition> Teams, IReadOnlyList<DeadlineDefinition> Deadlines)
{
    public static readonly DeadlineConfig Empty = new(TimeZoneInfo.Utc, new HashSet<DateOnly>(), [], []);

    public TeamDefinition? Team(string id) => Teams.FirstOrDefault(t => t.Id == id);

    public DeadlineDefinition? Deadline(string id) => Deadlines.FirstOrDefault(d => d.Id == id);
}
