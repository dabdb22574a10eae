using Microsoft.AspNetCore.Http;

namespace Bot.Worker.Web.Console;

/// <summary>
/// Headers on every console response: scripts and styles only from our own files (no inline script, so
/// text that slips into a page cannot run), no framing, no referrer (a login link never leaves in one),
/// and pages are not cached.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (!context.Request.Path.StartsWithSegments(ConsoleEndpoints.AssetsPath, StringComparison.Ordinal))
        {
            // What antiforgery sets on the pages with a form: the same value, so it does not warn on every page view.
            headers.CacheControl = "no-cache, no-store";
            headers.Pragma = "no-cache";
        }
        return next(context);
    }
}
