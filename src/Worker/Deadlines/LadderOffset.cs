namespace Bot.Worker.Deadlines;

/// <summary>A duration from the config: <paramref name="Days"/> local calendar days plus <paramref name="Rest"/> elapsed time.</summary>
internal sealed record LadderOffset(string Text, int Days, TimeSpan Rest)
{
    /// <summary>Roughly how long, for ordering and sanity checks (a day counted as 24 h).</summary>
    public TimeSpan Approximate => TimeSpan.FromDays(Days) + Rest;
}
