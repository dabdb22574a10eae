using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;

namespace Bot.Tests.Integration.Worker;

/// <summary>An admin edits, previews and rolls back a template through Telegram; others cannot.</summary>
public abstract class TemplateAdminTests(StorageProvider provider) : IAsyncLifetime
{
    private const long Admin = 4242;
    private const long User = 5151;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private FakeBotApiServer _server = null!;
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeBotApiServer.StartAsync();
        _bot = await BotUnderTest.StartAsync(provider, _server, s => s.Configuration["Bot:Admins:0"] = Admin.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task An_admin_edits_previews_and_rolls_back_the_tip_template()
    {
        var shipped = await AskAsync(User, "/tip");
        Assert.Contains("96110", shipped.VisibleText, StringComparison.Ordinal);

        var saved = await AskAsync(Admin, "/template_set awareness-tip en\n<b>EDITED: {{ tip.title }}</b>\n{{ tip.body }}");
        Assert.Contains("version 2", saved.VisibleText, StringComparison.Ordinal);

        var preview = await AskAsync(Admin, "/preview awareness-tip en");
        Assert.StartsWith("EDITED: ", preview.VisibleText, StringComparison.Ordinal);

        var edited = await AskAsync(User, "/tip");
        Assert.StartsWith("EDITED: ", edited.VisibleText, StringComparison.Ordinal);

        var rolledBack = await AskAsync(Admin, "/rollback awareness-tip en 1");
        Assert.Contains("version 1", rolledBack.VisibleText, StringComparison.Ordinal);

        var old = await AskAsync(User, "/tip");
        Assert.DoesNotContain("EDITED", old.VisibleText, StringComparison.Ordinal);
        Assert.Contains("96110", old.VisibleText, StringComparison.Ordinal);

        var history = await AskAsync(Admin, "/history awareness-tip en");
        Assert.Contains("v2", history.VisibleText, StringComparison.Ordinal);
        Assert.Equal(4, await _bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE user_id = @Admin AND allowed = 1", new { Admin }));
    }

    [Fact]
    public async Task A_non_admin_is_refused_and_the_attempt_is_audited()
    {
        var reply = await AskAsync(User, "/template_set awareness-tip en\nhacked {{ tip.title }}");

        Assert.Contains("/template_set", reply.VisibleText, StringComparison.Ordinal);
        Assert.Equal(1, await _bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE user_id = @User AND action = '/template_set' AND allowed = 0", new { User }));
        Assert.Equal(1, await _bot.ScalarAsync<int>("SELECT MAX(version) FROM template_versions WHERE name = 'awareness-tip' AND language = 'en'"));
    }

    [Fact]
    public async Task A_template_with_a_syntax_error_is_refused_with_line_and_column()
    {
        var reply = await AskAsync(Admin, "/template_set awareness-tip en\n<b>{{ tip.title }}</b>\n{{ if tip.body }}unterminated");

        Assert.Contains("Line 2, column", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("live version (1)", reply.VisibleText, StringComparison.Ordinal);
        var tip = await AskAsync(User, "/tip");
        Assert.Contains("96110", tip.VisibleText, StringComparison.Ordinal);
    }

    private async Task<SentMessage> AskAsync(long user, string text)
    {
        var before = _server.SentTo(user).Count;
        _server.EnqueueText(user, text, languageCode: "en");
        return (await _server.WaitForMessagesAsync(user, before + 1, Wait))[before];
    }
}

public sealed class TemplateAdminTestsOnSqlite() : TemplateAdminTests(StorageProvider.Sqlite);

public sealed class TemplateAdminTestsOnPostgres() : TemplateAdminTests(StorageProvider.Postgres);
