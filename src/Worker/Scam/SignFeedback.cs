namespace Bot.Worker.Scam;

/// <summary>One sign over some days: how many verdicts had it, and the 👍/👎 those verdicts got.</summary>
internal sealed record SignFeedback(string SignId, int Checks, int Up, int Down);
