namespace Bot.Worker.Scam;

/// <summary>
/// What the check learns when an admin confirms a report as fraud, and forgets with the reporter: the report's numbers and
/// accounts become known fraud numbers (except official ones), and its text goes into the "reported alike" index.
/// Both join the decision's unit of work.
/// </summary>
internal sealed class ConfirmedReports(KnownNumberStore known, ReportedAlikeIndex alike, ScamChecker checker)
{
    /// <summary>Learns from a report confirmed now; returns the numbers added (those not known already).</summary>
    public async Task<IReadOnlyList<ScamEntity>> LearnAsync(long reportId, string text, IEnumerable<ScamEntity> numbers, long admin, DateTimeOffset at, CancellationToken ct)
    {
        var added = new List<ScamEntity>();
        foreach (var number in numbers.Where(n => !checker.IsOfficial(n)))
        {
            if (await known.AddAsync(number, $"用户举报 / report #{reportId}", admin, reportId, ct))
            {
                added.Add(number);
            }
        }
        await alike.AddAsync(reportId, text, at, ct);
        return added;
    }

    /// <summary>/forget of a reporter: their reports' text leaves the index; the numbers they confirmed stay known, unlinked from them.</summary>
    public async Task ForgetChatAsync(long chatId, CancellationToken ct)
    {
        await alike.ForgetChatAsync(chatId, ct);
        await known.DetachFromChatReportsAsync(chatId, ct);
    }
}
