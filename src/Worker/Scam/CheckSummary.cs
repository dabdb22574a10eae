namespace Bot.Worker.Scam;

/// <summary>
/// What /stats and the dashboard show of the checks: verdicts by level name (red, orange, green), the most matched signs,
/// the 👍/👎 per level, and per sign for the signs whose verdicts got any (most 👎 first).
/// </summary>
internal sealed record CheckSummary(
    IReadOnlyDictionary<string, int> Verdicts,
    IReadOnlyList<(string SignId, int Count)> TopSigns,
    IReadOnlyDictionary<string, VoteCounts> Votes,
    IReadOnlyList<SignFeedback> SignVotes)
{
    public VoteCounts VotesOf(string level) => Votes.GetValueOrDefault(level) ?? VoteCounts.None;
}
