using Quartz;

namespace Bot.Worker.Retention;

/// <summary>Daily: deletes finished outbox rows and audit entries older than Retention says.</summary>
[DisallowConcurrentExecution]
internal sealed class RetentionJob(RetentionService retention) : IJob
{
    public static readonly JobKey Key = new("retention", "operations");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await retention.RunAsync(cancellationToken);
}
