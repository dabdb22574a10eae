using Bot.TestDatabases;
using Bot.Tests.Unit.Support;
using Bot.Worker.Templating;

namespace Bot.Tests.Unit.Templating;

/// <summary>Shipped files as version 1, admin edits as newer versions, rollback, and a changed file meeting an admin's edit.</summary>
public abstract class TemplateVersionTests(StorageProvider provider)
{
    private static readonly TemplateKey Tip = new("awareness-tip", "en");

    [Fact]
    public async Task Shipped_files_are_version_1_and_an_admin_edit_becomes_live()
    {
        await using var db = await TempDatabase.CreateAsync(TimeProvider.System, provider);
        var (store, sync, editor, catalog, _) = Build(db);
        await sync.SyncAsync(catalog.ReadShippedFiles(), CancellationToken.None);
        Assert.Equal((1, true), (catalog.Get(Tip.Name, Tip.Language).Version, catalog.Get(Tip.Name, Tip.Language).IsShipped));

        var (version, problem) = await editor.SaveAsync(Tip.Name, Tip.Language, "<b>{{ tip.title }}</b> new", 42, CancellationToken.None);

        Assert.Null(problem);
        Assert.Equal(2, version);
        Assert.Equal(2, catalog.Get(Tip.Name, Tip.Language).Version);
        var history = await store.HistoryAsync(Tip.Name, Tip.Language, CancellationToken.None);
        Assert.Equal([2, 1], history.Select(v => v.Version));
        Assert.Equal(42, history[0].AuthorId);
        Assert.True(history[0].IsLive);
    }

    [Fact]
    public async Task A_refused_edit_leaves_the_live_version()
    {
        await using var db = await TempDatabase.CreateAsync(TimeProvider.System, provider);
        var (store, sync, editor, catalog, _) = Build(db);
        await sync.SyncAsync(catalog.ReadShippedFiles(), CancellationToken.None);

        var (version, problem) = await editor.SaveAsync(Tip.Name, Tip.Language, "<b>{{ tip.title }}", 42, CancellationToken.None);

        Assert.Null(version);
        Assert.NotNull(problem);
        Assert.Single(await store.HistoryAsync(Tip.Name, Tip.Language, CancellationToken.None));
        Assert.Equal(1, catalog.Get(Tip.Name, Tip.Language).Version);
    }

    [Fact]
    public async Task Rollback_makes_an_older_version_live_and_a_new_edit_goes_on_top()
    {
        await using var db = await TempDatabase.CreateAsync(TimeProvider.System, provider);
        var (_, sync, editor, catalog, _) = Build(db);
        await sync.SyncAsync(catalog.ReadShippedFiles(), CancellationToken.None);
        await editor.SaveAsync(Tip.Name, Tip.Language, "v2 {{ tip.title }}", 42, CancellationToken.None);

        Assert.True(await editor.RollbackAsync(Tip.Name, Tip.Language, 1, 42, CancellationToken.None));
        Assert.Equal(1, catalog.Get(Tip.Name, Tip.Language).Version);
        Assert.False(await editor.RollbackAsync(Tip.Name, Tip.Language, 9, 42, CancellationToken.None));

        var (version, _) = await editor.SaveAsync(Tip.Name, Tip.Language, "v3 {{ tip.title }}", 42, CancellationToken.None);
        Assert.Equal(3, version);
        Assert.Equal(3, catalog.Get(Tip.Name, Tip.Language).Version);
    }

    [Fact]
    public async Task A_changed_shipped_file_is_a_new_version_but_never_silently_replaces_an_admin_edit()
    {
        await using var db = await TempDatabase.CreateAsync(TimeProvider.System, provider);
        var (store, sync, editor, catalog, logs) = Build(db);
        var files = catalog.ReadShippedFiles();
        await sync.SyncAsync(files, CancellationToken.None);
        var changed = files.Select(f => f.Key == Tip ? f with { Source = f.Source + "\n<i>changed</i>" } : f).ToList();
        var report = new TemplateKey("report", "en");
        changed = changed.Select(f => f.Key == report ? f with { Source = f.Source + "\n<i>changed</i>" } : f).ToList();
        await editor.SaveAsync(Tip.Name, Tip.Language, "admin {{ tip.title }}", 42, CancellationToken.None);

        await sync.SyncAsync(changed, CancellationToken.None);

        Assert.Equal(2, catalog.Get(Tip.Name, Tip.Language).Version);
        Assert.Equal(3, (await store.HistoryAsync(Tip.Name, Tip.Language, CancellationToken.None))[0].Version);
        Assert.Contains(logs.Messages, m => m.Contains("stays live", StringComparison.Ordinal));
        Assert.Equal(2, catalog.Get(report.Name, report.Language).Version);
        Assert.True(catalog.Get(report.Name, report.Language).IsShipped);

        await sync.SyncAsync(changed, CancellationToken.None);
        Assert.Equal(3, (await store.HistoryAsync(Tip.Name, Tip.Language, CancellationToken.None)).Count);
    }

    private static (TemplateStore, TemplateSync, TemplateEditor, TemplateCatalog, ListLogger<TemplateSync>) Build(TempDatabase db)
    {
        var fixture = new TemplatingFixture();
        var store = new TemplateStore(db.Database, TimeProvider.System);
        var logs = new ListLogger<TemplateSync>();
        foreach (var file in fixture.Catalog.ReadShippedFiles())
        {
            fixture.Catalog.SetShipped(file.Key, Scriban.Template.Parse(file.Source));
        }
        return (store, new TemplateSync(store, fixture.Catalog, logs), new TemplateEditor(fixture.Validator, store, fixture.Catalog, db.Database, new Bot.Worker.Cluster.SingleNodeSignals()), fixture.Catalog, logs);
    }
}

public sealed class TemplateVersionTestsOnSqlite() : TemplateVersionTests(StorageProvider.Sqlite);

public sealed class TemplateVersionTestsOnPostgres() : TemplateVersionTests(StorageProvider.Postgres);
