using Quartz;

namespace Bot.Worker.Deadlines;

/// <summary>
/// One Quartz trigger per step (group "occ-ID"), firing the durable <see cref="DeadlineStepJob"/>.
/// A trigger missed during downtime fires once when the scheduler starts again.
/// </summary>
internal sealed class QuartzStepScheduler(ISchedulerFactory factory) : IStepScheduler
{
    public async Task ScheduleAsync(long occurrenceId, string step, DateTimeOffset at, TimeSpan? repeatEvery, CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var key = new TriggerKey(step, Group(occurrenceId));
        var builder = TriggerBuilder.Create()
            .WithIdentity(key)
            .ForJob(DeadlineStepJob.Key)
            .UsingJobData(DeadlineStepJob.OccurrenceKey, occurrenceId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UsingJobData(DeadlineStepJob.StepKey, step)
            .StartAt(at);
        var trigger = repeatEvery is { } every
            ? builder.WithSimpleSchedule(s => s.WithInterval(every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)).Build()
            : builder.WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build();
        await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, cancellationToken);
    }

    public async Task CancelAsync(long occurrenceId, string? step, CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        if (step is not null)
        {
            await scheduler.UnscheduleJob(new TriggerKey(step, Group(occurrenceId)), cancellationToken);
            return;
        }
        var keys = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Group(occurrenceId)), cancellationToken);
        await scheduler.UnscheduleJobs(keys.ToList(), cancellationToken);
    }

    private static string Group(long occurrenceId) => "occ-" + occurrenceId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
