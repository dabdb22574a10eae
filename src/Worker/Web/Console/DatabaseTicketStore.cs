using Bot.Worker.WebLogin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Bot.Worker.Web.Console;

/// <summary>
/// The cookie handler's session store (<see cref="CookieAuthenticationOptions.SessionStore"/>): the cookie carries a
/// session key, the ticket is kept by <see cref="WebSessions"/> in the database, and a session that is gone there is
/// gone for every node.
/// </summary>
internal sealed class DatabaseTicketStore(WebSessions sessions, TimeProvider clock) : ITicketStore
{
    public async Task<string> StoreAsync(AuthenticationTicket ticket) =>
        await sessions.StartAsync(ConsoleViewer.AdminOf(ticket.Principal) ?? 0, TicketSerializer.Default.Serialize(ticket), ExpiresAt(ticket), CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        sessions.RenewAsync(key, TicketSerializer.Default.Serialize(ticket), ExpiresAt(ticket), CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        await sessions.FindAsync(key, CancellationToken.None) is { } bytes ? TicketSerializer.Default.Deserialize(bytes) : null;

    public Task RemoveAsync(string key) => sessions.EndAsync(key, CancellationToken.None);

    private DateTimeOffset ExpiresAt(AuthenticationTicket ticket) =>
        ticket.Properties.ExpiresUtc ?? clock.GetUtcNow() + ConsoleHostBuilderExtensions.SessionLifetime;
}
