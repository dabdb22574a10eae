using Bot.Worker.Cluster;
using Bot.Worker.Common;
using Microsoft.Extensions.Hosting;

namespace Bot.Worker.Templating;

/// <summary>
/// At start, before anything can send: every shipped template must pass the same checks as an admin's
/// edit (a bad file stops start-up naming file:line:column); then the database learns about changed
/// files and the live versions are loaded. Labels and tips are loaded too. In a cluster, a version
/// another node made live is loaded from the database as soon as that node says so.
/// </summary>
internal sealed class TemplatesLoader(
    TemplateCatalog catalog, TemplateValidator validator, TemplateSync sync, Labels labels, TipLibrary tips, IClusterSignals cluster) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        cluster.Subscribe(ClusterChange.Templates, (_, ct) => sync.LoadLiveAsync(ct));
        labels.Load();
        tips.Load();
        var files = catalog.ReadShippedFiles();
        foreach (var file in files)
        {
            var (template, problem) = validator.Check(file.Key.Name, file.Key.Language, file.Source, file.Path);
            if (problem is not null)
            {
                throw new StartupException($"{file.Path}:{problem}");
            }
            catalog.SetShipped(file.Key, template!);
        }
        await sync.SyncAsync(files, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
