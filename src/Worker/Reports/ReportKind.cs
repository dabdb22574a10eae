namespace Bot.Worker.Reports;

/// <summary>The <c>reports.kind</c> values: a message reported as fraud (Report to us), or a verdict the user said was wrong (👎).</summary>
internal static class ReportKind
{
    public const string Fraud = "fraud";
    public const string WrongVerdict = "wrong-verdict";
}
