using System.Globalization;
using System.Security.Claims;
using Bot.Worker.Audit;
using Bot.Worker.Web.Console;
using Bot.Worker.WebLogin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Worker.Web.Pages;

/// <summary>The sign-in page: without a token it says how to get a link; with one it spends it and starts the session.</summary>
[AllowAnonymous]
internal sealed class LoginModel(WebLoginService logins, AuditStore audit, ConsoleViewer viewer, SignInWarnings warnings) : PageModel
{
    public string? Token { get; private set; }

    /// <summary>Why the link did not sign in: "used", "expired", "unknown" or "not_admin" (a labels.yaml key under web.login).</summary>
    public string? Problem { get; private set; }

    /// <summary>After sign-out: "signed_out", or "signed_out_everywhere" (a labels.yaml key under web.login).</summary>
    public string? SignedOut { get; private set; }

    public void OnGet(string? token, string? signedOut = null)
    {
        Token = string.IsNullOrEmpty(token) ? null : token;
        SignedOut = signedOut switch
        {
            "true" => "signed_out",
            "everywhere" => "signed_out_everywhere",
            _ => null,
        };
    }

    public async Task<IActionResult> OnPostAsync([FromForm] string? token, CancellationToken ct)
    {
        var redemption = await logins.RedeemAsync(token, ct);
        if (redemption is { Outcome: LoginOutcome.SignedIn, AdminId: { } admin })
        {
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.ToString(CultureInfo.InvariantCulture))], CookieAuthenticationDefaults.AuthenticationScheme);
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            await audit.WriteAsync(admin, ConsoleActions.Login, null, allowed: true, ct);
            return LocalRedirect("/");
        }
        Problem = redemption.Outcome switch
        {
            LoginOutcome.Used => "used",
            LoginOutcome.Expired => "expired",
            LoginOutcome.NotAdmin => "not_admin",
            _ => "unknown",
        };
        warnings.Refused(Problem, redemption.AdminId, ClientRateLimits.Client(HttpContext));
        if (redemption.AdminId is { } owner)
        {
            await audit.WriteAsync(owner, ConsoleActions.Login, "refused: " + Problem, allowed: false, ct);
        }
        // The page speaks the language of the admin the link was for, when it is known.
        await viewer.UseAsync(redemption.AdminId, ct);
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
