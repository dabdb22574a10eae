using Bot.Worker.Delivery;
using Bot.Worker.WebLogin;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Bot.Worker.Deadlines;

public static class DeadlinesHostBuilderExtensions
{
    /// <summary>
    /// Compliance deadlines: deadlines.yaml (validated, watched), teams and invites, occurrences planned
    /// into Quartz triggers on the persistent store, the jobs that send reminders and escalations (by Telegram, the
    /// teams' robots and email), and the ack links that act on them without buttons.
    /// </summary>
    public static IHostApplicationBuilder AddDeadlines(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<DeadlineConfigSource>();
        services.AddSingleton<TeamStore>();
        services.AddSingleton<OccurrenceStore>();
        services.AddSingleton<CalendarKeyStore>();
        services.AddSingleton<TeamCalendarKeys>();
        services.AddSingleton<TeamCalendar>();
        services.AddSingleton<EvidenceStore>();
        services.AddSingleton<TeamSchedule>();
        services.AddSingleton<EvidenceService>();
        services.AddSingleton<OccurrenceExport>();
        services.AddSingleton<DeadlinePlanStore>();
        services.AddSingleton<SnoozeStore>();
        services.AddSingleton<ExtensionStore>();
        services.AddSingleton<OccurrenceAccess>();
        services.AddSingleton<IStepScheduler, QuartzStepScheduler>();
        services.AddSingleton<OccurrenceScheduler>();
        services.AddSingleton<DeadlinePlanner>();
        services.AddSingleton<DeadlineDefinitions>();
        services.AddSingleton<DeadlineView>();
        services.AddSingleton<DeadlineAudience>();
        services.AddSingleton<MemberNames>();
        // Ack links need the console's data protection key ring (none with Web:Enabled=false: no links then).
        services.AddSingleton(sp => new AckLinks(sp.GetService<IDataProtectionProvider>(), sp.GetRequiredService<ConsoleAddress>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AckUseStore>();
        services.AddSingleton<AckReader>();
        services.AddSingleton<AckService>();
        services.AddSingleton<IDeliveryFallbacks, DeadlineFallbacks>();
        services.AddSingleton<DeadlineNotifier>();
        services.AddSingleton<DeadlineRunner>();
        services.AddSingleton<DeadlineActions>();
        services.AddTransient<DeadlineStepJob>();
        services.AddTransient<DeadlinePlannerJob>();
        services.AddHostedService<DeadlinesStartup>();
        return builder;
    }

    /// <summary>The durable step job the occurrence triggers fire, and the hourly planner.</summary>
    public static void AddDeadlineJobs(this IQuartzBuilder quartz)
    {
        // A step or campaign run cut short by a dead node runs again on another one (both are idempotent: outbox keys, run keys).
        quartz.AddJob<DeadlineStepJob>(job => job.WithIdentity(DeadlineStepJob.Key).StoreDurably().RequestRecovery());
        quartz.AddJob<DeadlinePlannerJob>(job => job.WithIdentity(DeadlinePlannerJob.Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger.WithIdentity("deadline-planner-hourly", "deadlines").ForJob(DeadlinePlannerJob.Key)
            .WithCronSchedule("0 7 * * * ?", cron => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
    }
}
