namespace Bot.Worker.Deadlines;

/// <summary>One upcoming occurrence in a team's feed: a stable id (its occurrence key), what, when (UTC), and details.</summary>
internal sealed record CalendarEntry(string Uid, string Summary, DateTimeOffset Due, string Description);
