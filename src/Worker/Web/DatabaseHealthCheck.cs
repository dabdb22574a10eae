using Bot.Worker.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Worker.Web;

/// <summary>Ready only while the database answers a trivial query.</summary>
internal sealed class DatabaseHealthCheck(PingStore ping) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await ping.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy("answers");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(OneLine(ex.Message));
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
