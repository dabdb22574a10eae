namespace Bot.Worker.Reports;

/// <summary>
/// What the chat's next message will be reported as (the "awaiting report" marker): fraud, or a wrong verdict with the
/// level and sign ids of the verdict the user disputed.
/// </summary>
internal sealed record ReportPrompt(string Kind, string? VerdictLevel = null, string? VerdictSigns = null)
{
    public static readonly ReportPrompt Fraud = new(ReportKind.Fraud);
}
