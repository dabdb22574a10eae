using Bot.Worker.Storage;

namespace Bot.Worker.Scam;

/// <summary>
/// What is kept of each check, never its text: the counts per day, level and sign (<c>check_stats</c>), the verdict for its
/// 👍/👎 buttons (<c>check_verdicts</c>), and the vote, counted on the verdict's level and each of its signs.
/// </summary>
internal sealed class CheckLedger(IDatabase database, CheckStatsStore stats, CheckVerdictStore verdicts, TimeProvider clock)
{
    /// <summary>Counts a verdict and keeps it for its buttons, in one commit; returns the id the buttons carry.</summary>
    public Task<long> RecordAsync(ScamVerdict verdict, CancellationToken ct)
    {
        var day = Day(clock.GetUtcNow());
        var level = ScamCheckService.LevelName(verdict.Level);
        var signs = verdict.CountedSigns.Distinct().ToList();
        return database.InTransactionAsync(async token =>
        {
            await stats.CountAsync(day, level, signs, token);
            return await verdicts.CreateAsync(day, level, signs, token);
        }, ct);
    }

    /// <summary>👍 (<paramref name="up"/>) or 👎 on a kept verdict: one vote per verdict, counted with it.</summary>
    public Task<(VoteOutcome Outcome, KeptVerdict? Verdict)> VoteAsync(long id, bool up, CancellationToken ct) =>
        database.InTransactionAsync<(VoteOutcome, KeptVerdict?)>(async token =>
        {
            if (await verdicts.VoteAsync(id, up ? VerdictVote.Up : VerdictVote.Down, token) is { } voted)
            {
                await stats.CountVoteAsync(voted.Day, voted.Level, voted.SignIds, up, token);
                return (VoteOutcome.Counted, voted);
            }
            var kept = await verdicts.FindAsync(id, token);
            return (kept is null ? VoteOutcome.Gone : VoteOutcome.VotedAlready, kept);
        }, ct);

    public Task<KeptVerdict?> FindAsync(long id, CancellationToken ct) => verdicts.FindAsync(id, ct);

    /// <summary>Verdicts, top signs and votes over the last <paramref name="days"/> days (today included).</summary>
    public async Task<CheckSummary> SummaryAsync(int days, int topSigns, CancellationToken ct)
    {
        var from = Day(clock.GetUtcNow()) - (days - 1);
        var levels = await stats.LevelsSinceAsync(from, ct);
        return new CheckSummary(
            levels.ToDictionary(l => l.Level, l => (int)l.Count),
            await stats.TopSignsSinceAsync(from, topSigns, ct),
            levels.ToDictionary(l => l.Level, l => new VoteCounts((int)l.Up, (int)l.Down)),
            await stats.SignVotesSinceAsync(from, 10, ct));
    }

    private static long Day(DateTimeOffset at) => at.ToUnixTimeMilliseconds() / 86_400_000;
}
