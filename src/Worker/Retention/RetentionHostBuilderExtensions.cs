using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Bot.Worker.Retention;

public static class RetentionHostBuilderExtensions
{
    /// <summary>The daily clean-up of old outbox rows, audit entries and handled webhook updates (Retention section).</summary>
    public static IHostApplicationBuilder AddRetention(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RetentionService>();
        builder.Services.AddTransient<RetentionJob>();
        return builder;
    }

    /// <summary>The retention job, every day at 03:40 server time (a quiet hour); a run missed while the worker was down happens at its next start.</summary>
    public static void AddRetentionJobs(this IQuartzBuilder quartz)
    {
        quartz.AddJob<RetentionJob>(job => job.WithIdentity(RetentionJob.Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger.WithIdentity("retention-daily", "operations").ForJob(RetentionJob.Key)
            .WithCronSchedule("0 40 3 * * ?", cron => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
    }
}
