using Quartz;

namespace Bot.Worker.Deadlines;

/// <summary>Hourly: materializes the occurrences of recurring deadlines that come within the planning horizon.</summary>
[DisallowConcurrentExecution]
internal sealed class DeadlinePlannerJob(DeadlinePlanner planner) : IJob
{
    public static readonly JobKey Key = new("deadline-planner", "deadlines");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await planner.PlanAsync(cancellationToken);
}
