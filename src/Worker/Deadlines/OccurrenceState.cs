namespace Bot.Worker.Deadlines;

internal static class OccurrenceState
{
    public const string Open = "open";
    public const string Done = "done";
    public const string Cancelled = "cancelled";
    /// <summary>Its due time had passed before it was first planned (a past date in the file, or a slot missed during downtime).</summary>
    public const string Missed = "missed";
}
