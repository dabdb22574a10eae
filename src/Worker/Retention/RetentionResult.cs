namespace Bot.Worker.Retention;

/// <summary>What one retention run deleted.</summary>
internal sealed record RetentionResult(int OutboxRows, int AuditEntries, int OtherRows = 0);
