using Bot.Worker.Storage;

namespace Bot.Worker.WebLogin;

/// <summary>The /web links: a token's hash, its admin, when it expires and when it was used.</summary>
internal sealed class WebLoginStore(IDatabase database)
{
    public Task AddAsync(string tokenHash, long adminId, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken ct) => database.ExecuteAsync(
        "INSERT INTO web_logins (token_hash, admin_id, created_at, expires_at) VALUES (@tokenHash, @adminId, @createdAt, @expiresAt)",
        new { tokenHash, adminId, createdAt = createdAt.ToMs(), expiresAt = expiresAt.ToMs() }, ct);

    /// <summary>Marks an unused, unexpired link used and returns its admin; null when there is no such link (unknown, used or expired).</summary>
    public Task<long?> ConsumeAsync(string tokenHash, DateTimeOffset now, CancellationToken ct) => database.ScalarAsync<long?>(
        "UPDATE web_logins SET used_at = @now WHERE token_hash = @tokenHash AND used_at IS NULL AND expires_at > @now RETURNING admin_id",
        new { tokenHash, now = now.ToMs() }, ct);

    public Task<WebLoginRow?> FindAsync(string tokenHash, CancellationToken ct) => database.QuerySingleOrDefaultAsync<WebLoginRow>(
        "SELECT admin_id AS AdminId, expires_at AS ExpiresAt, used_at AS UsedAt FROM web_logins WHERE token_hash = @tokenHash",
        new { tokenHash }, ct);

    /// <summary>Forgets links that expired before <paramref name="before"/>; returns how many.</summary>
    public Task<int> DeleteExpiredBeforeAsync(DateTimeOffset before, CancellationToken ct) => database.ExecuteAsync(
        "DELETE FROM web_logins WHERE expires_at < @before", new { before = before.ToMs() }, ct);
}
