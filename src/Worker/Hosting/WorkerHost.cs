using Bot.Worker.Awareness;
using Bot.Worker.Batches;
using Bot.Worker.Channels;
using Bot.Worker.Cluster;
using Bot.Worker.Commands;
using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Bot.Worker.Deadlines;
using Bot.Worker.Delivery;
using Bot.Worker.Reports;
using Bot.Worker.Retention;
using Bot.Worker.Scam;
using Bot.Worker.Scheduling;
using Bot.Worker.Statistics;
using Bot.Worker.Storage;
using Bot.Worker.Telegram;
using Bot.Worker.Templating;
using Bot.Worker.Transport;
using Bot.Worker.Web;
using Bot.Worker.WebLogin;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace Bot.Worker.Hosting;

/// <summary>Builds the worker's host: configuration layering, logging, and one AddXxx per feature.</summary>
public static class WorkerHost
{
    /// <summary>How long the ordered stop after SIGTERM may take before the host gives up waiting.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(13);

    /// <summary>
    /// Configuration: config/appsettings.json, config/appsettings.{Environment}.json, environment
    /// variables (Section__Key), the command line (--Section:Key=value), then <paramref name="settings"/>.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, WorkerHostSettings? settings = null)
    {
        settings ??= new WorkerHostSettings();
        var contentRoot = settings.ContentRoot ?? ContentPaths.Locate();
        // The empty web builder adds no configuration source, logger or server of its own: the layering
        // below stays exactly as it was for the plain host, and AddWeb chooses Kestrel or no server.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = contentRoot,
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production,
        });
        builder.Configuration
            .AddJsonFile(Path.Combine(contentRoot, "config", "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(contentRoot, "config", $"appsettings.{builder.Environment.EnvironmentName}.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .AddInMemoryCollection(settings.Configuration);

        // SIGTERM stops the hosted services one by one, in reverse order of registration: the update
        // receiver and the broadcast enqueuer first, then the dispatcher (which stops starting sends and
        // gives those in flight 10 s to finish and be recorded), then Quartz (waiting for running jobs),
        // then storage. 10 s for sends in flight, 3 more for the rest: the process is gone within 15 s.
        builder.Services.Configure<HostOptions>(o =>
        {
            o.ShutdownTimeout = ShutdownTimeout;
            o.ServicesStopConcurrently = false;
        });

        var paths = new ContentPaths(contentRoot);
        var clock = settings.TimeProvider ?? TimeProvider.System;
        builder.Services.AddSingleton(paths);
        builder.Services.AddSingleton(clock);
        builder.Logging.AddSerilog(LoggingSetup.Create(builder.Configuration, paths, settings.LogSink), dispose: true);

        builder.AddBotOptions();
        var node = ClusterNode.From(builder.Configuration, contentRoot);
        var quartzStore = builder.AddStorage(paths, node.Id);
        // Right after storage: the lease and the signals start once the schema is migrated.
        builder.AddCluster(node);
        builder.AddWeb();
        builder.AddTemplating();
        builder.AddScheduling(quartzStore, clock, DeadlinesHostBuilderExtensions.AddDeadlineJobs, AwarenessHostBuilderExtensions.AddCampaignJobs,
            RetentionHostBuilderExtensions.AddRetentionJobs);
        builder.AddChannels();
        builder.AddDelivery();
        if (string.IsNullOrEmpty(builder.Configuration[$"{TelegramOptions.Section}:Token"]))
        {
            builder.AddConsoleTransport(settings.ConsoleInput, settings.ConsoleOutput);
        }
        else
        {
            builder.AddTelegramTransport();
        }
        builder.AddDeadlines();
        builder.AddAwareness();
        builder.AddScamCheck();
        builder.AddReports();
        builder.AddBatches();
        builder.AddRetention();
        builder.AddStatistics();
        builder.AddWebLogin();
        // The doors last: their hosted services (the update receiver) start once every feature has loaded.
        builder.AddCommands();
        // Idle memory: the start-up garbage is collected once the worker runs (issue 11: < 150 MB with the console).
        builder.Services.AddHostedService<StartupMemoryRelease>();
        settings.ConfigureServices?.Invoke(builder.Services);
        return builder;
    }
}
