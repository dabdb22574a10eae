using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Bot.Worker.Deadlines;

public static class DeadlinesHostBuilderExtensions
{
    /// <summary>
    /// Compliance deadlines: deadlines.yaml (validated, watched), teams and invites, occurrences planned
    /// into Quartz triggers on the persistent store, and the jobs that send reminders and escalations.
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
