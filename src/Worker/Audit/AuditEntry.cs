namespace Bot.Worker.Audit;

/// <summary>One admin action (or refused attempt) in the audit log.</summary>
internal sealed record AuditEntry
{
    public long Id { get; init; }
    public long At { get; init; }
    public long UserId { get; init; }
    public string Action { get; init; } = "";
    public string? Detail { get; init; }
    public bool Allowed { get; init; }
}
