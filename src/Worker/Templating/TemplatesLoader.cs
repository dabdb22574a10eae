using Microsoft.Extensions.Hosting;

namespace Bot.Worker.Templating;

/// <summary>Loads templates, labels and tips before anything can send.</summary>
internal sealed class TemplatesLoader(TemplateCatalog catalog, Labels labels, TipLibrary tips) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.Load();
        labels.Load();
        tips.Load();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
