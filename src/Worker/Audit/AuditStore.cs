using Bot.Worker.Storage;

namespace Bot.Worker.Audit;

/// <summary>The audit log: admin actions and refused attempts, newest last.</summary>
internal sealed class AuditStore(IDatabase database, TimeProvider clock)
{
    public Task WriteAsync(long userId, string action, string? detail, bool allowed, CancellationToken ct) => database.ExecuteAsync(
        "INSERT INTO audit_log (at, user_id, action, detail, allowed) VALUES (@at, @userId, @action, @detail, @allowed)",
        new { at = clock.NowMs(), userId, action, detail, allowed = allowed ? 1 : 0 }, ct);

    public Task<IReadOnlyList<AuditEntry>> LatestAsync(int count, CancellationToken ct) => database.QueryAsync<AuditEntry>(
        "SELECT id, at, user_id AS UserId, action, detail, allowed FROM audit_log ORDER BY id DESC LIMIT @count", new { count }, ct);

    /// <summary>Retention: deletes up to <paramref name="limit"/> of the oldest entries written before <paramref name="before"/>; returns how many.</summary>
    public Task<int> DeleteBeforeAsync(DateTimeOffset before, int limit, CancellationToken ct) => database.ExecuteAsync(
        "DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE at < @before ORDER BY id LIMIT @limit)",
        new { before = before.ToMs(), limit }, ct);
}
