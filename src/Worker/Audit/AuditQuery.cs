namespace Bot.Worker.Audit;

/// <summary>Filters on the audit log; a null filter matches everything. <see cref="To"/> is exclusive.</summary>
internal sealed record AuditQuery(long? UserId = null, string? Action = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Limit = 200);
