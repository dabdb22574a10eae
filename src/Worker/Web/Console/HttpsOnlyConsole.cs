using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Web.Console;

/// <summary>
/// With an https Web:PublicUrl the console's cookies are Secure, and a plain-http request could neither keep a session
/// nor pass antiforgery (it used to answer 500). Such a request is told where the console is, and the operator is
/// told once a minute what to check: the TLS proxy must send X-Forwarded-Proto and be listed in Web:KnownProxies.
/// </summary>
internal sealed partial class HttpsOnlyConsole(
    RequestDelegate next, IOptions<WebOptions> options, IOptions<TelegramOptions> telegram, TimeProvider clock, ILogger<HttpsOnlyConsole> logger)
{
    // The webhook follows the console in the pipeline; Telegram's posts are its business, not the console's.
    private readonly PathString? _webhook = telegram.Value.Mode == TelegramMode.Webhook && TelegramModeValidator.WebhookPath(telegram.Value.WebhookUrl) is { } path
        ? new PathString(path)
        : null;
    private readonly string? _publicUrl = options.Value.PublicUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? options.Value.PublicUrl.TrimEnd('/') : null;
    private readonly LogBudget _budget = new(clock, 1);

    public Task InvokeAsync(HttpContext context)
    {
        if (_publicUrl is null || context.Request.IsHttps || context.Request.Path.Equals(_webhook ?? PathString.Empty, StringComparison.Ordinal))
        {
            return next(context);
        }
        if (_budget.TryTake(out var skipped))
        {
            LogPlainHttp(context.Request.Path, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", skipped);
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync($"The console is at {_publicUrl}{context.Request.Path}: open it there (https).\n");
    }

    [LoggerMessage(LogLevel.Warning, "A console request for {Path} from {Client} came over plain http while Web:PublicUrl is https: does the TLS proxy send X-Forwarded-Proto, and is it in Web:KnownProxies? ({Skipped} more left out)")]
    private partial void LogPlainHttp(string path, string client, int skipped);
}
