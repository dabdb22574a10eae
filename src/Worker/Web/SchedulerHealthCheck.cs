using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Bot.Worker.Web;

/// <summary>Ready only while the Quartz scheduler runs (started, not in standby, not shut down).</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("running")
            : HealthCheckResult.Unhealthy(status.ToString().ToLowerInvariant());
    }
}
