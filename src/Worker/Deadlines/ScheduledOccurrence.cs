namespace Bot.Worker.Deadlines;

/// <summary>
/// An occurrence as the console's calendar and list show it: a stored one (with its id and state), or a
/// recurring date not planned yet (no id, state <see cref="Projected"/>).
/// </summary>
internal sealed record ScheduledOccurrence(long? Id, string Key, string Title, DateTimeOffset Due, string State)
{
    public const string Projected = "projected";
}
