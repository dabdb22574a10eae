using Bot.Worker.Scam;

namespace Bot.Worker.Reports;

/// <summary>What deciding a report did: the outcome, the report (null when not found) and the numbers Confirm number added.</summary>
internal sealed record ReportVerdict(ReportDecision Outcome, Report? Report, IReadOnlyList<ScamEntity> Added)
{
    /// <summary>True when this call decided it (not refused as decided already or not found).</summary>
    public bool Decided => Outcome is ReportDecision.Confirmed or ReportDecision.NotFraud or ReportDecision.Closed;
}
