using Microsoft.Extensions.Hosting;

namespace Bot.Worker.Scam;

/// <summary>At start: reads scam-signs.yaml and known-numbers.yaml (a bad file stops start-up with file:line:column); then watches both.</summary>
internal sealed class ScamCheckStartup(ScamRulesSource rules, KnownNumbersSource known) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        rules.Load();
        known.Load();
        rules.Watch();
        known.Watch();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
