using Bot.Worker.Audit;
using Bot.Worker.Web.Console;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Worker.Web.Pages;

/// <summary>Sign-out (a POST from the layout's form, with its antiforgery token): ends the session and audits it.</summary>
internal sealed class LogoutModel(AuditStore audit) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ConsoleViewer.AdminOf(User) is { } admin)
        {
            await audit.WriteAsync(admin, ConsoleActions.Logout, null, allowed: true, ct);
        }
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/login?signedOut=true");
    }
}
