using Bot.Worker.Audit;
using Bot.Worker.Web.Console;
using Bot.Worker.WebLogin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Worker.Web.Pages;

/// <summary>
/// Sign-out (POSTs from the layout's forms, with their antiforgery token): ends this session on the server, or with
/// "everywhere" every session of this admin, and audits it.
/// </summary>
internal sealed class LogoutModel(AuditStore audit, WebSessions sessions) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ConsoleViewer.AdminOf(User) is { } admin)
        {
            await audit.WriteAsync(admin, ConsoleActions.Logout, null, allowed: true, ct);
        }
        // The cookie handler removes this session from the database (DatabaseTicketStore) and drops the cookie.
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/login?signedOut=true");
    }

    public async Task<IActionResult> OnPostEverywhereAsync(CancellationToken ct)
    {
        if (ConsoleViewer.AdminOf(User) is { } admin)
        {
            var ended = await sessions.EndAllOfAsync(admin, ct);
            await audit.WriteAsync(admin, ConsoleActions.LogoutEverywhere, $"{ended} session(s) ended", allowed: true, ct);
        }
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/login?signedOut=everywhere");
    }
}
