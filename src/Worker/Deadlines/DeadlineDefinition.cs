using Quartz;

namespace Bot.Worker.Deadlines;

/// <summary>A validated deadline from deadlines.yaml.</summary>
internal sealed record DeadlineDefinition(
    string Id,
    string Title,
    string TeamId,
    DeadlineKind Kind,
    DateTime? Due,
    CronExpression? Cron,
    bool ShiftToBusinessDay,
    LadderOffset? Window,
    IReadOnlyList<LadderOffset> Remind,
    LadderOffset? EscalateAfter,
    LadderOffset? EscalateEvery,
    string Template,
    string EscalationTemplate,
    TimeZoneInfo TimeZone)
{
    /// <summary>
    /// What scheduling depends on: the fields that decide the due dates, then '#', then the ladder.
    /// A reload reschedules a deadline only when this changes.
    /// </summary>
    public string Fingerprint =>
        string.Join('|', Kind, Due?.ToString("s", System.Globalization.CultureInfo.InvariantCulture), Cron?.CronExpressionString, ShiftToBusinessDay, TimeZone.Id, Window?.Text)
        + "#" + string.Join('|', string.Join(',', Remind.Select(r => r.Text)), EscalateAfter?.Text, EscalateEvery?.Text, TeamId);
}
