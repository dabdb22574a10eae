using Microsoft.Extensions.Hosting;

namespace Bot.Worker.Awareness;

/// <summary>At start (after Quartz): reads campaigns.yaml (a bad file stops start-up) and schedules it; then watches the file.</summary>
internal sealed class AwarenessStartup(CampaignConfigSource campaigns, CampaignScheduler scheduler) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await scheduler.SyncAsync(campaigns.Load(), cancellationToken);
        campaigns.Changed += current => scheduler.SyncAsync(current, CancellationToken.None);
        campaigns.Watch();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
