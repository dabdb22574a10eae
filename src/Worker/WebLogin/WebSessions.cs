namespace Bot.Worker.WebLogin;

/// <summary>
/// Console sessions kept on the server, so that ending one ends it on every node at once: sign-out ends one,
/// "sign out everywhere" and removal from Bot:Admins end all of an admin's. The cookie carries only a random key;
/// the database keeps its hash and the ticket (opaque bytes here). Knows nothing of HTTP or cookies.
/// </summary>
internal sealed class WebSessions(WebSessionStore store, TimeProvider clock)
{
    /// <summary>Starts a session for <paramref name="adminId"/> until <paramref name="expiresAt"/>; returns its key (the cookie's secret).</summary>
    public async Task<string> StartAsync(long adminId, byte[] ticket, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var key = LoginToken.New();
        var now = clock.GetUtcNow();
        await store.DeleteExpiredBeforeAsync(now, ct);
        await store.AddAsync(LoginToken.Hash(key), adminId, ticket, now, expiresAt, ct);
        return key;
    }

    /// <summary>The ticket of a live session, or null when the key is unknown, ended or expired.</summary>
    public Task<byte[]?> FindAsync(string key, CancellationToken ct) =>
        LoginToken.IsWellFormed(key) ? store.FindLiveAsync(LoginToken.Hash(key), clock.GetUtcNow(), ct) : Task.FromResult<byte[]?>(null);

    public Task RenewAsync(string key, byte[] ticket, DateTimeOffset expiresAt, CancellationToken ct) =>
        store.RenewAsync(LoginToken.Hash(key), ticket, expiresAt, ct);

    /// <summary>Ends one session (sign-out).</summary>
    public Task EndAsync(string key, CancellationToken ct) => store.DeleteAsync(LoginToken.Hash(key), ct);

    /// <summary>Ends every session of <paramref name="adminId"/> on every node; returns how many were live.</summary>
    public Task<int> EndAllOfAsync(long adminId, CancellationToken ct) => store.DeleteOfAdminAsync(adminId, ct);

    public Task<int> CountAsync(long adminId, CancellationToken ct) => store.CountOfAdminAsync(adminId, clock.GetUtcNow(), ct);
}
