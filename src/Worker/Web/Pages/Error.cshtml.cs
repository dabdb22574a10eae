using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Worker.Web.Pages;

/// <summary>
/// What a failed request shows, re-executed with the original status and method (a form without its antiforgery
/// token is a 400, an unknown page a 404, too many sign-in attempts a 429): the status it answers with, and a line
/// that says what to do about it.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
internal sealed class ErrorModel : PageModel
{
    private static readonly int[] Explained = [400, 403, 404, 405, 429];

    public int Code { get; private set; }

    /// <summary>The labels.yaml key of the explanation: web.error.400 and the like, else the general one.</summary>
    public string Explanation => Explained.Contains(Code) ? $"web.error.{Code}" : "web.error.body";

    public void OnGet() => Code = Status();

    public void OnPost() => Code = Status();

    // Re-executed: the original status is in the feature (and stays on the response). Opened directly: there is no such page.
    private int Status()
    {
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } failed)
        {
            return failed.OriginalStatusCode;
        }
        Response.StatusCode = StatusCodes.Status404NotFound;
        return StatusCodes.Status404NotFound;
    }
}
