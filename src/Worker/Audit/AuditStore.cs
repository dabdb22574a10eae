using System.Data;
using Bot.Worker.Storage;
using Dapper;

namespace Bot.Worker.Audit;

/// <summary>The audit log: admin actions and refused attempts, newest last.</summary>
internal sealed class AuditStore(IDatabase database, TimeProvider clock)
{
    public Task WriteAsync(long userId, string action, string? detail, bool allowed, CancellationToken ct) => database.ExecuteAsync(
        "INSERT INTO audit_log (at, user_id, action, detail, allowed) VALUES (@at, @userId, @action, @detail, @allowed)",
        new { at = clock.NowMs(), userId, action, detail, allowed = allowed ? 1 : 0 }, ct);

    public Task<IReadOnlyList<AuditEntry>> LatestAsync(int count, CancellationToken ct) => database.QueryAsync<AuditEntry>(
        "SELECT id, at, user_id AS UserId, action, detail, allowed FROM audit_log ORDER BY id DESC LIMIT @count", new { count }, ct);

    /// <summary>The newest entries matching every filter that is set (admin, action, time range), at most <see cref="AuditQuery.Limit"/>.</summary>
    public Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken ct)
    {
        // Typed parameters: PostgreSQL must know a parameter's type even when it is null.
        var args = new DynamicParameters();
        args.Add("userId", query.UserId, DbType.Int64);
        args.Add("action", query.Action, DbType.String);
        args.Add("from", query.From?.ToMs(), DbType.Int64);
        args.Add("to", query.To?.ToMs(), DbType.Int64);
        args.Add("limit", query.Limit, DbType.Int32);
        return database.QueryAsync<AuditEntry>("""
            SELECT id, at, user_id AS UserId, action, detail, allowed FROM audit_log
            WHERE (@userId IS NULL OR user_id = @userId) AND (@action IS NULL OR action = @action)
              AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to)
            ORDER BY id DESC LIMIT @limit
            """, args, ct);
    }

    /// <summary>Every action name in the log, for the console's filter.</summary>
    public Task<IReadOnlyList<string>> ActionsAsync(CancellationToken ct) =>
        database.QueryAsync<string>("SELECT DISTINCT action FROM audit_log ORDER BY action", null, ct);

    /// <summary>Retention: deletes up to <paramref name="limit"/> of the oldest entries written before <paramref name="before"/>; returns how many.</summary>
    public Task<int> DeleteBeforeAsync(DateTimeOffset before, int limit, CancellationToken ct) => database.ExecuteAsync(
        "DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE at < @before ORDER BY id LIMIT @limit)",
        new { before = before.ToMs(), limit }, ct);
}
