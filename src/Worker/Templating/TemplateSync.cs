using Microsoft.Extensions.Logging;

namespace Bot.Worker.Templating;

/// <summary>
/// Shipped files are version 1 of each template; a file that changed becomes a new version. It goes
/// live unless an admin's edit is live, which it never replaces silently: that case is logged.
/// </summary>
internal sealed partial class TemplateSync(TemplateStore store, TemplateCatalog catalog, ILogger<TemplateSync> logger)
{
    public async Task SyncAsync(IReadOnlyList<ShippedTemplate> files, CancellationToken ct)
    {
        foreach (var file in files)
        {
            var (name, language) = file.Key;
            var history = await store.HistoryAsync(name, language, ct);
            var lastShipped = history.FirstOrDefault(v => v.IsShipped);
            if (lastShipped?.SourceHash == TemplateStore.Hash(file.Source))
            {
                continue;
            }
            var live = history.FirstOrDefault(v => v.IsLive);
            var adminLive = live is { IsShipped: false };
            var version = await store.AddAsync(name, language, file.Source, TemplateStore.FileOrigin, null,
                lastShipped is null ? "shipped file" : "shipped file changed", makeLive: !adminLive, ct);
            if (adminLive)
            {
                LogAdminVersionKept(file.Key.ToString(), version, live!.Version);
            }
        }
        await LoadLiveAsync(ct);
    }

    /// <summary>
    /// Parses the live versions the catalog does not have yet (at start: all) into it; one that no longer
    /// parses falls back to the file.
    /// </summary>
    public async Task LoadLiveAsync(CancellationToken ct)
    {
        foreach (var version in await store.LiveAsync(ct))
        {
            var key = new TemplateKey(version.Name, version.Language);
            var had = catalog.LiveVersion(key);
            if (had == version.Version)
            {
                continue;
            }
            if (had is not null)
            {
                LogChangedElsewhere(key.ToString(), version.Version);
            }
            var template = Scriban.Template.Parse(version.Source, $"{key}.v{version.Version}");
            if (!template.HasErrors)
            {
                catalog.SetLive(key, version.Version, template, version.IsShipped);
            }
            else if (catalog.Shipped(key) is { } shipped)
            {
                LogUnparsable(key.ToString(), version.Version);
                catalog.SetLive(key, version.Version, shipped.Template, isShipped: true);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Shipped file {Template} changed and is stored as version {Version}, but an admin's version {Live} is live and stays live; /rollback to use the file")]
    private partial void LogAdminVersionKept(string template, int version, int live);

    [LoggerMessage(LogLevel.Information, "Template {Template} version {Version} is live now (made live on another node)")]
    private partial void LogChangedElsewhere(string template, int version);

    [LoggerMessage(LogLevel.Error, "Live version {Version} of {Template} no longer parses; using the shipped file")]
    private partial void LogUnparsable(string template, int version);
}
