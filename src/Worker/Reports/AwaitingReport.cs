namespace Bot.Worker.Reports;

/// <summary>A <c>report_prompts</c> row as it is taken: when Report to us (or Send it to our team) was pressed, and for what.</summary>
internal sealed record AwaitingReport
{
    public long StartedAt { get; init; }

    public string Kind { get; init; } = ReportKind.Fraud;

    public string? VerdictLevel { get; init; }

    public string? VerdictSigns { get; init; }
}
