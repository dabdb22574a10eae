namespace Bot.Worker.Reports;

/// <summary>The <c>reports.state</c> values.</summary>
internal static class ReportState
{
    public const string Open = "open";
    public const string Confirmed = "confirmed";
    public const string NotFraud = "not_fraud";
    public const string Closed = "closed";
}
