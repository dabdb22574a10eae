namespace Bot.Worker.Scam;

/// <summary>
/// The check as a use case: the confirmed reports the message is like (<see cref="ReportedAlikeIndex"/>), the engine
/// against the file's known numbers and those reports confirmed (read from the database each time: the list is short and
/// every worker of a cluster shares it), then the verdict counted and kept for its 👍/👎 buttons (<see cref="CheckLedger"/>).
/// The text is neither stored nor logged.
/// </summary>
internal sealed class ScamCheckService(ScamChecker checker, KnownNumberStore known, ReportedAlikeIndex alike, CheckLedger ledger)
{
    public async Task<ScamVerdict> CheckAsync(string text, CancellationToken ct)
    {
        var verdict = checker.Check(text, await known.AllAsync(ct), await alike.MatchAsync(text, ct));
        return verdict with { Id = await ledger.RecordAsync(verdict, ct) };
    }

    /// <summary>Verdicts by level, the top signs and the 👍/👎 over the last <paramref name="days"/> days (today included).</summary>
    public Task<CheckSummary> SummaryAsync(int days, int topSigns, CancellationToken ct) => ledger.SummaryAsync(days, topSigns, ct);

    public static string LevelName(ScamLevel level) => level.ToString().ToLowerInvariant();
}
