using System.ComponentModel.DataAnnotations;

namespace Bot.Worker.Configuration;

/// <summary>The <c>Retention</c> configuration section: how long finished records are kept.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Days a finished outbox row (sent, blocked, failed, expired) is kept after it finished; 0 keeps them for ever.</summary>
    [Range(0, 36_500, ErrorMessage = "Retention:OutboxDays must be between 0 (keep for ever) and 36500")]
    public int OutboxDays { get; set; } = 90;

    /// <summary>Days an audit-log entry is kept; 0 keeps them for ever.</summary>
    [Range(0, 36_500, ErrorMessage = "Retention:AuditDays must be between 0 (keep for ever) and 36500")]
    public int AuditDays { get; set; } = 365;
}
