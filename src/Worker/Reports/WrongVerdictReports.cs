using Bot.Worker.Scam;

namespace Bot.Worker.Reports;

/// <summary>
/// After 👎: the user agreed to send the checked message to the admins. The verdict they disputed (level and signs, from
/// <see cref="CheckLedger"/>) goes into the "awaiting report" marker, and their next message becomes a wrong-verdict
/// report; until then nothing of the text is kept.
/// </summary>
internal sealed class WrongVerdictReports(CheckLedger ledger, ReportService reports)
{
    public async Task<WrongVerdictStart> StartAsync(long chatId, long userId, long verdictId, CancellationToken ct)
    {
        if (await ledger.FindAsync(verdictId, ct) is not { } verdict)
        {
            return WrongVerdictStart.Gone;
        }
        var prompt = new ReportPrompt(ReportKind.WrongVerdict, verdict.Level, verdict.Signs);
        return await reports.StartAsync(chatId, userId, prompt, ct) == ReportOutcome.RateLimited ? WrongVerdictStart.RateLimited : WrongVerdictStart.Awaiting;
    }
}
