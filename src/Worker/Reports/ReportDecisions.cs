namespace Bot.Worker.Reports;

/// <summary>
/// An admin decides a report, from any door (the chat notice's buttons, the console's reports page): the decision,
/// the confirmed numbers and the audit entry commit together (<see cref="ReportService.DecideAsync"/>), then the
/// reporter is told. A report decided already is refused (first decision wins) and nobody is told again.
/// </summary>
internal sealed class ReportDecisions(ReportService reports, ReportStore store, ReportNotices notices)
{
    public const int Listed = 100;

    public async Task<ReportVerdict> DecideAsync(long id, string state, long admin, CancellationToken ct)
    {
        var (outcome, report, added) = await reports.DecideAsync(id, state, admin, ct);
        var verdict = new ReportVerdict(outcome, report, added);
        if (verdict.Decided)
        {
            await notices.DecidedAsync(report!, outcome, added.Count, ct);
        }
        return verdict;
    }

    /// <summary>The latest <see cref="Listed"/> reports of every chat, newest first, in one state or all (<paramref name="state"/> null), of one kind or all.</summary>
    public Task<IReadOnlyList<Report>> LatestAsync(string? state, string? kind, CancellationToken ct) => store.ListAsync(state, kind, Listed, ct);
}
