using Bot.Worker.Cluster;

namespace Bot.Worker.Templating;

/// <summary>What admins do to templates: save a checked new version, or make an older one live again.</summary>
internal sealed class TemplateEditor(TemplateValidator validator, TemplateStore store, TemplateCatalog catalog, Storage.IDatabase database, IClusterSignals cluster)
{
    /// <summary>Saves and makes live a version that passes every check; otherwise the problem, and the live version stays.</summary>
    public async Task<(int? Version, TemplateProblem? Problem)> SaveAsync(string name, string language, string source, long author, CancellationToken ct)
    {
        var (template, problem) = validator.Check(name, language, source);
        if (problem is not null)
        {
            return (null, problem);
        }
        var version = await store.AddAsync(name, language, source, TemplateStore.AdminOrigin, author, "/template_set", makeLive: true, ct);
        await database.AfterCommitAsync(() =>
        {
            catalog.SetLive(new TemplateKey(name, language), version, template!, isShipped: false);
            return cluster.PublishAsync(ClusterChange.Templates, $"{name}.{language}", CancellationToken.None);
        });
        return (version, null);
    }

    /// <summary>Makes <paramref name="version"/> live again; false if it does not exist.</summary>
    public async Task<bool> RollbackAsync(string name, string language, int version, long by, CancellationToken ct)
    {
        var stored = await store.FindAsync(name, language, version, ct);
        if (stored is null || !await store.MakeLiveAsync(name, language, version, by, ct))
        {
            return false;
        }
        await database.AfterCommitAsync(() =>
        {
            catalog.SetLive(new TemplateKey(name, language), version, Scriban.Template.Parse(stored.Source), stored.IsShipped);
            return cluster.PublishAsync(ClusterChange.Templates, $"{name}.{language}", CancellationToken.None);
        });
        return true;
    }
}
