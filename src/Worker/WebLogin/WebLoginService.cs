using Bot.Worker.Configuration;
using Bot.Worker.Storage;

namespace Bot.Worker.WebLogin;

/// <summary>
/// The console's only way in: a single-use link for an admin, valid <see cref="Lifetime"/>, and opening it.
/// Knows nothing of chats or HTTP: /web asks for a link, the login page opens it.
/// </summary>
internal sealed class WebLoginService(IDatabase database, WebLoginStore store, BotSettings settings, ConsoleAddress address, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>A new link for <paramref name="adminId"/>; the caller has checked that they are an admin.</summary>
    public async Task<IssuedLogin> IssueAsync(long adminId, CancellationToken ct)
    {
        var token = LoginToken.New();
        var now = clock.GetUtcNow();
        var expires = now + Lifetime;
        await database.InTransactionAsync(async token2 =>
        {
            // Links a day past their expiry are of no use even to explain a refusal.
            await store.DeleteExpiredBeforeAsync(now - TimeSpan.FromDays(1), token2);
            await store.AddAsync(LoginToken.Hash(token), adminId, now, expires, token2);
            return true;
        }, ct);
        return new IssuedLogin(address.LoginLink(token), expires);
    }

    /// <summary>Spends the link: the first open of a live link by someone still an admin signs in; every later open is refused.</summary>
    public async Task<LoginRedemption> RedeemAsync(string? token, CancellationToken ct)
    {
        if (!LoginToken.IsWellFormed(token))
        {
            return new LoginRedemption(LoginOutcome.Unknown, null);
        }
        var hash = LoginToken.Hash(token!);
        var now = clock.GetUtcNow();
        if (await store.ConsumeAsync(hash, now, ct) is { } adminId)
        {
            return new LoginRedemption(settings.IsAdmin(adminId) ? LoginOutcome.SignedIn : LoginOutcome.NotAdmin, adminId);
        }
        return await store.FindAsync(hash, ct) switch
        {
            null => new LoginRedemption(LoginOutcome.Unknown, null),
            { UsedAt: not null } row => new LoginRedemption(LoginOutcome.Used, row.AdminId),
            var row => new LoginRedemption(LoginOutcome.Expired, row.AdminId),
        };
    }

    /// <summary>The rule every console request is held to: the session's user is an admin now (not only when the link was sent).</summary>
    public bool MayUseConsole(long userId) => settings.IsAdmin(userId);
}
