using Bot.Worker.Storage;

namespace Bot.Worker.WebLogin;

/// <summary>Console sessions: a session key's hash, its admin, the serialized ticket and when it expires.</summary>
internal sealed class WebSessionStore(IDatabase database)
{
    public Task AddAsync(string keyHash, long adminId, byte[] ticket, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken ct) => database.ExecuteAsync(
        "INSERT INTO web_sessions (key_hash, admin_id, ticket, created_at, expires_at) VALUES (@keyHash, @adminId, @ticket, @createdAt, @expiresAt)",
        new { keyHash, adminId, ticket, createdAt = createdAt.ToMs(), expiresAt = expiresAt.ToMs() }, ct);

    /// <summary>The ticket of a session that has not expired at <paramref name="now"/>; null when there is none (ended, expired, unknown).</summary>
    public Task<byte[]?> FindLiveAsync(string keyHash, DateTimeOffset now, CancellationToken ct) => database.ScalarAsync<byte[]?>(
        "SELECT ticket FROM web_sessions WHERE key_hash = @keyHash AND expires_at > @now", new { keyHash, now = now.ToMs() }, ct);

    /// <summary>Stores a renewed ticket (sliding expiry); a session ended meanwhile stays ended.</summary>
    public Task RenewAsync(string keyHash, byte[] ticket, DateTimeOffset expiresAt, CancellationToken ct) => database.ExecuteAsync(
        "UPDATE web_sessions SET ticket = @ticket, expires_at = @expiresAt WHERE key_hash = @keyHash",
        new { keyHash, ticket, expiresAt = expiresAt.ToMs() }, ct);

    public Task<int> DeleteAsync(string keyHash, CancellationToken ct) =>
        database.ExecuteAsync("DELETE FROM web_sessions WHERE key_hash = @keyHash", new { keyHash }, ct);

    /// <summary>Ends every session of <paramref name="adminId"/>; returns how many there were.</summary>
    public Task<int> DeleteOfAdminAsync(long adminId, CancellationToken ct) =>
        database.ExecuteAsync("DELETE FROM web_sessions WHERE admin_id = @adminId", new { adminId }, ct);

    public Task<int> DeleteExpiredBeforeAsync(DateTimeOffset before, CancellationToken ct) =>
        database.ExecuteAsync("DELETE FROM web_sessions WHERE expires_at < @before", new { before = before.ToMs() }, ct);

    public async Task<int> CountOfAdminAsync(long adminId, DateTimeOffset now, CancellationToken ct) => (int)await database.ScalarAsync<long>(
        "SELECT COUNT(*) FROM web_sessions WHERE admin_id = @adminId AND expires_at > @now", new { adminId, now = now.ToMs() }, ct);
}
