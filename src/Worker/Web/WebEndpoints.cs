using Bot.Worker.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Web;

/// <summary>
/// The front of the worker's HTTP pipeline, put in front so every AddXxx stays on the builder: the trusted proxy's
/// forwarded headers first (scheme, host and client as the browser used them), which listener may serve what, the
/// rate limits, then health, the iCal feeds and metrics. The console follows (ConsoleEndpoints).
/// </summary>
internal sealed class WebEndpoints(IOptions<WebOptions> options) : IStartupFilter
{
    private static readonly PathString[] OpsPaths = ["/healthz", "/readyz", "/metrics"];

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseForwardedHeaders();
        var separate = options.Value.OpsUrlList.Count > 0;
        app.Use((context, nextMiddleware) =>
        {
            var ops = OpsPaths.Contains(context.Request.Path);
            if (separate && ops != WebListeners.IsOps(context))
            {
                // With Web:OpsUrls the console's listener has no health or metrics, and the operations listener nothing else.
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            if (ops && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = "GET, HEAD";
                return Task.CompletedTask;
            }
            return nextMiddleware(context);
        });
        app.UseRateLimiter();
        app.UseHealthEndpoints();
        app.UseCalendarFeed();
        app.UseOpenTelemetryPrometheusScrapingEndpoint();
        next(app);
    };
}
