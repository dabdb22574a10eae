using Microsoft.Extensions.Hosting;

namespace Bot.Worker.Deadlines;

/// <summary>
/// At start (after Quartz): reads deadlines.yaml (a bad file stops start-up), syncs teams and plans
/// occurrences; then watches the file and re-plans what a good edit changed. Users who joined or
/// left a team through the file get their chat's menu updated.
/// </summary>
internal sealed class DeadlinesStartup(DeadlineConfigSource config, DeadlinePlanner planner, IMembershipChanges members) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        config.Load();
        await members.MembersChangedAsync(await planner.PlanAsync(cancellationToken), cancellationToken);
        config.Changed += async _ => await members.MembersChangedAsync(await planner.PlanAsync(CancellationToken.None), CancellationToken.None);
        config.Watch();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
