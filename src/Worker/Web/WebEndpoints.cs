using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Bot.Worker.Web;

/// <summary>The worker's HTTP routes, put in front of the pipeline so every AddXxx stays on the builder.</summary>
internal sealed class WebEndpoints : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseHealthEndpoints();
        app.UseCalendarFeed();
        app.UseOpenTelemetryPrometheusScrapingEndpoint();
        next(app);
    };
}
