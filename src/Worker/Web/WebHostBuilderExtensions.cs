using Bot.Worker.Cluster;
using Bot.Worker.Configuration;
using Bot.Worker.Delivery;
using Bot.Worker.Storage;
using Bot.Worker.Web.Console;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Quartz.Diagnostics;

namespace Bot.Worker.Web;

public static class WebHostBuilderExtensions
{
    /// <summary>
    /// The bot's instruments, and with Web:Enabled (the default) Kestrel on Web:Urls serving
    /// <c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c> (Prometheus text of the "Bot" and Quartz meters) and the web console.
    /// With Web:Enabled=false no port is opened and nothing collects the instruments.
    /// </summary>
    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<PingStore>();
        builder.Services.AddSingleton(sp =>
        {
            var metrics = ActivatorUtilities.CreateInstance<BotMetrics>(sp);
            metrics.CountPendingWith(sp.GetRequiredService<OutboxStore>().CountQueuedAsync);
            return metrics;
        });
        var web = new WebOptions();
        builder.Configuration.GetSection(WebOptions.Section).Bind(web);
        if (!web.Enabled)
        {
            builder.Services.AddSingleton<IServer, NoServer>();
            return builder;
        }
        builder.Services.AddHostedService<WebPortCheck>();
        builder.WebHost.UseKestrelCore();
        // A malformed list is refused by the options validation, which runs before the server starts.
        builder.WebHost.ConfigureKestrel(kestrel => WebListeners.Listen(kestrel, web));
        var telegram = new TelegramOptions();
        builder.Configuration.GetSection(TelegramOptions.Section).Bind(telegram);
        var hosts = ConsoleHosts.Allowed(web, telegram);
        builder.Services.Configure<ForwardedHeadersOptions>(o => ProxyHeaders.Configure(o, web, hosts));
        builder.Services.Configure<HostFilteringOptions>(o =>
        {
            o.AllowedHosts = [.. hosts];
            o.IncludeFailureMessage = false;
        });
        builder.Services.AddSingleton<SignInWarnings>();
        builder.Services.AddClientRateLimits();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [HealthEndpoints.ReadyTag], timeout: TimeSpan.FromSeconds(5));
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddDetector(sp => new BotResource(sp.GetRequiredService<ClusterNode>())))
            .WithMetrics(metrics => metrics
                .AddMeter(BotMetrics.MeterName, QuartzInstrumentation.MeterName)
                .AddPrometheusExporter());
        builder.Services.AddSingleton<IStartupFilter, WebEndpoints>();
        // After WebEndpoints: health and metrics answer before the console's cookie and headers.
        builder.Services.AddConsole();
        return builder;
    }
}
