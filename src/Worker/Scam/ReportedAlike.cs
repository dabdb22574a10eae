namespace Bot.Worker.Scam;

/// <summary>How many confirmed fraud reports a checked message is like, and when the latest of them was confirmed.</summary>
internal sealed record ReportedAlike(int Count, DateTimeOffset Last);
