using Microsoft.Extensions.Hosting;

namespace Bot.Worker.Deadlines;

/// <summary>
/// At start (after Quartz): reads deadlines.yaml (a bad file stops start-up), syncs teams and plans
/// occurrences; then watches the file and re-plans what a good edit changed.
/// </summary>
internal sealed class DeadlinesStartup(DeadlineConfigSource config, DeadlinePlanner planner) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        config.Load();
        await planner.PlanAsync(cancellationToken);
        config.Changed += _ => planner.PlanAsync(CancellationToken.None);
        config.Watch();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
