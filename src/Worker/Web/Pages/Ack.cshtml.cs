using Bot.Worker.Deadlines;
using Bot.Worker.Web.Console;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Worker.Web.Pages;

/// <summary>
/// An ack link from a robot's or an email's reminder (PRODUCT.md 4.9): GET only shows what the link will do (mail
/// scanners and link previews only GET), or why it will not; the page's POST (antiforgery) does it through
/// <see cref="AckService"/>, the same use cases as the Telegram buttons. A robot's link asks which member is acting.
/// For anyone with the link: no sign-in; rate-limited per client like /login.
/// </summary>
[AllowAnonymous]
internal sealed class AckModel(AckService acks, ConsoleViewer viewer) : PageModel
{
    public AckView View { get; private set; } = AckView.Refused("altered");

    /// <summary>After the POST: done, already_closed, snoozed, extension_requested, approved, denied, or choose (no member picked).</summary>
    public string? Outcome { get; private set; }

    public DateTimeOffset? Until { get; private set; }

    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Token = token;
        View = await acks.ReadAsync(token, ct);
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(string token, [FromForm] long? person, [FromForm] string? reason, CancellationToken ct)
    {
        Token = token;
        await viewer.SpeakAsAsync(person, ct);
        var (outcome, view, until) = await acks.ActAsync(token, person, string.IsNullOrWhiteSpace(reason) ? viewer.T("web.ack.no_reason") : reason, ct);
        (View, Until) = (view, until);
        if (view.Problem is not null || outcome is "used" or "choose")
        {
            // Refused, or (choose) asked again who is acting.
            View = view with { Problem = outcome };
        }
        else
        {
            Outcome = outcome;
        }
        return await ShowAsync(ct);
    }

    public string Action => View.Ticket?.Action.ToString().ToLowerInvariant() ?? "";

    public string Local(DateTimeOffset? at) => at is { } t ? viewer.Local(t) : "";

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (View.PersonId is { } person && Outcome is null)
        {
            await viewer.SpeakAsAsync(person, ct);
        }
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.StatusCode = View.Problem switch
        {
            null or "choose" => StatusCodes.Status200OK,
            "altered" => StatusCodes.Status400BadRequest,
            "unknown" => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status410Gone,
        };
        return Page();
    }
}
