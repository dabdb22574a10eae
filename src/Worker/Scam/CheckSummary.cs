namespace Bot.Worker.Scam;

/// <summary>What /stats shows of the checks: verdicts by level name (red, orange, green) and the most matched signs.</summary>
internal sealed record CheckSummary(IReadOnlyDictionary<string, int> Verdicts, IReadOnlyList<(string SignId, int Count)> TopSigns);
