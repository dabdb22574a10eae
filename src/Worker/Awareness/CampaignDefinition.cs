using Quartz;

namespace Bot.Worker.Awareness;

/// <summary>A validated campaign from campaigns.yaml: a template sent to a topic's subscribers on a cron or once, at a time.</summary>
internal sealed record CampaignDefinition(string Id, string Topic, CronExpression? Cron, DateTime? At, string Template, string? Rotate)
{
    /// <summary>What its trigger depends on; a reload reschedules the campaign only when this changes.</summary>
    public string Fingerprint => string.Join('|', Topic, Cron?.CronExpressionString, At?.ToString("s", System.Globalization.CultureInfo.InvariantCulture), Template, Rotate);
}
