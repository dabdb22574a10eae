namespace Bot.Worker.Scam;

/// <summary>
/// The check as a use case: the engine against the file's known numbers and those reports confirmed
/// (read from the database each time: the list is short and every worker of a cluster shares it), then
/// the verdict counted for /stats. The text is neither stored nor logged.
/// </summary>
internal sealed class ScamCheckService(ScamChecker checker, KnownNumberStore known, CheckStatsStore stats, TimeProvider clock)
{
    public async Task<ScamVerdict> CheckAsync(string text, CancellationToken ct)
    {
        var verdict = checker.Check(text, await known.AllAsync(ct));
        await stats.CountAsync(Day(clock.GetUtcNow()), LevelName(verdict.Level), verdict.Signs.Select(s => s.Id), ct);
        return verdict;
    }

    /// <summary>Verdicts by level and the top signs over the last <paramref name="days"/> days (today included).</summary>
    public async Task<CheckSummary> SummaryAsync(int days, int topSigns, CancellationToken ct)
    {
        var from = Day(clock.GetUtcNow()) - (days - 1);
        return new CheckSummary(await stats.VerdictsSinceAsync(from, ct), await stats.TopSignsSinceAsync(from, topSigns, ct));
    }

    public static string LevelName(ScamLevel level) => level.ToString().ToLowerInvariant();

    private static long Day(DateTimeOffset at) => at.ToUnixTimeMilliseconds() / 86_400_000;
}
