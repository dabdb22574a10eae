using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Worker.Web;

/// <summary>
/// ASP.NET Core's rate limiter on the doors a stranger can knock on: the sign-in page, the ack links' page and the iCal
/// feeds, per client address (the proxy's X-Forwarded-For once it is trusted). Above the limit: 429 with Retry-After.
/// </summary>
internal static class ClientRateLimits
{
    public const int SignInPerMinute = 20;
    public const int FeedPerMinute = 30;
    public const int AckPerMinute = 30;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddClientRateLimits(this IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Door(context.Request) switch
        {
            "login" => Fixed("login:" + Client(context), SignInPerMinute),
            "feed" => Fixed("feed:" + Client(context), FeedPerMinute),
            "ack" => Fixed("ack:" + Client(context), AckPerMinute),
            _ => RateLimitPartition.GetNoLimiter(""),
        });
        o.OnRejected = (rejected, ct) =>
        {
            var context = rejected.HttpContext;
            context.RequestServices.GetRequiredService<SignInWarnings>().Limited(context.Request.Path, Client(context));
            context.Response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            context.Response.ContentType = "text/plain; charset=utf-8";
            return new ValueTask(context.Response.WriteAsync("Too many requests: wait a minute and try again.\n", ct));
        };
    });

    public static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string? Door(HttpRequest request) =>
        request.Path.StartsWithSegments("/login", StringComparison.OrdinalIgnoreCase) ? "login"
        : request.Path.StartsWithSegments("/ack", StringComparison.OrdinalIgnoreCase) ? "ack"
        : CalendarFeed.IsFeedPath(request.Path) ? "feed"
        : null;

    private static RateLimitPartition<string> Fixed(string key, int perWindow) => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
    {
        PermitLimit = perWindow,
        Window = Window,
        QueueLimit = 0,
    });
}
