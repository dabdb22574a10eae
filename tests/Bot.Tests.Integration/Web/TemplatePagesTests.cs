using System.Globalization;
using System.Text.RegularExpressions;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using OpenQA.Selenium;

namespace Bot.Tests.Integration.Web;

/// <summary>
/// The console's template pages in a real headless Chromium against the worker on the fake Bot API server:
/// the list, the editor's live preview (rendered by the sandbox, shown as Telegram shows it, hostile markup as
/// text), errors with line and column, saving a version the bot then uses, the diff and rollback.
/// </summary>
public abstract partial class TemplatePagesTests(StorageProvider provider) : IAsyncLifetime
{
    private const long Admin = 4343;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private FakeBotApiServer _server = null!;
    private BotUnderTest _bot = null!;
    private Browser _browser = null!;

    public async Task InitializeAsync()
    {
        _browser = Browser.Start();
        _server = await FakeBotApiServer.StartAsync();
        _bot = await BotUnderTest.StartAsync(provider, _server, s => s.Configuration["Bot:Admins:0"] = Admin.ToString(CultureInfo.InvariantCulture));
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _bot.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_preview_follows_the_typing_shows_telegram_formatting_and_never_runs_a_script()
    {
        await SignInAsync();
        _browser.Open(new Uri(_bot.WebAddress, "/templates"));
        _browser.WaitForText("#templates tr[data-template='welcome'][data-language='en'] [data-field='version']", t => t == "v1");
        _browser.Screenshot("templates");
        _browser.Click("#templates tr[data-template='welcome'][data-language='en'] a");
        _browser.WaitForText("#live-version", t => t.Contains("v1", StringComparison.Ordinal));
        Assert.StartsWith("<b>👋 Hello, {{ user.first_name }}!</b>", Source().GetAttribute("value"), StringComparison.Ordinal);

        Type("Hi <b>bold</b> {{ user.first_name }}");

        _browser.WaitForText("#preview b", t => t == "bold");
        // The sample reader is named "<b>&x": the model value is escaped, so the preview shows it as text.
        _browser.WaitForText("#preview .tg-message", t => t == "Hi bold <b>&x");
        Assert.True(_browser.Driver.FindElement(By.Id("problem")).GetAttribute("hidden") is not null);
        _browser.Screenshot("template-editor");

        Type("<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\"> <i>still here</i>");

        _browser.WaitForText("#preview .tg-message", t => t.StartsWith("<script>window.pwned = 1</script>", StringComparison.Ordinal));
        Assert.Equal("still here", _browser.Text("#preview i"));
        Assert.Empty(_browser.Driver.FindElements(By.CssSelector("#preview script, #preview img")));
        Assert.Null(_browser.Driver.ExecuteScript("return window.pwned === undefined ? null : window.pwned;"));
        // The same text would be refused by Telegram: the editor says so.
        Assert.Contains("<script>", _browser.WaitForText("#problem", t => t.Length > 0), StringComparison.Ordinal);

        Type("Hello\n{{ if }}");

        var problem = _browser.WaitForText("#problem", t => t.StartsWith("Line 2, column ", StringComparison.Ordinal));
        Assert.Matches(ProblemPattern(), problem);
        Assert.Equal("2", _browser.Driver.FindElement(By.Id("problem")).GetAttribute("data-line"));
    }

    [Fact]
    public async Task A_saved_version_goes_live_for_the_bot_and_versions_show_a_diff_and_roll_back()
    {
        await SignInAsync();
        _browser.Open(new Uri(_bot.WebAddress, "/templates/welcome/en"));
        _browser.WaitForText("#live-version", t => t.Contains("v1", StringComparison.Ordinal));

        Type("Welcome from the <b>console</b>, {{ user.first_name }}");
        _browser.WaitForText("#preview b", t => t == "console");
        _browser.Click("#save");

        _browser.WaitForText("#saved", t => t.Contains("v2", StringComparison.Ordinal));
        Assert.Contains("v2", _browser.Text("#live-version"), StringComparison.Ordinal);
        Assert.Equal("Welcome from the <b>console</b>, {{ user.first_name }}", Source().GetAttribute("value"));
        var preview = await AskAsync(Admin, "/preview welcome en");
        Assert.StartsWith("Welcome from the console, ", preview.VisibleText, StringComparison.Ordinal);

        // A broken text is refused with its place; the live version stays.
        Type("Welcome {{ if }}");
        _browser.Click("#save");
        _browser.WaitForText("#problem", t => t.StartsWith("Line 1, column ", StringComparison.Ordinal));
        Assert.Contains("v2", _browser.Text("#live-version"), StringComparison.Ordinal);
        Assert.Equal(2, await _bot.ScalarAsync<int>("SELECT COUNT(*) FROM template_versions WHERE name = 'welcome' AND language = 'en'"));

        _browser.Click("#versions-link");
        _browser.WaitForText("#versions tr[data-version='2'] [data-field='live']", _ => true);
        Assert.Contains(Admin.ToString(CultureInfo.InvariantCulture), _browser.Text("#versions tr[data-version='2'] [data-field='author']"), StringComparison.Ordinal);
        Assert.Equal("Welcome from the <b>console</b>, {{ user.first_name }}", _browser.Text("#diff tr.added td.code"));
        Assert.NotEmpty(_browser.Driver.FindElements(By.CssSelector("#diff tr.removed")));
        _browser.Screenshot("template-versions");

        // Any two versions, either way round.
        _browser.Click("#diff-from option[value='2']");
        _browser.Click("#diff-to option[value='1']");
        _browser.Click("#compare");
        _browser.WaitForText("#diff tr.removed td.code", t => t == "Welcome from the <b>console</b>, {{ user.first_name }}");

        _browser.Click("button[data-rollback='1']");

        _browser.WaitForText("#rolled-back", t => t.Contains("v1", StringComparison.Ordinal));
        _browser.WaitForText("#versions tr[data-version='1'] [data-field='live']", _ => true);
        var after = await AskAsync(Admin, "/preview welcome en");
        Assert.DoesNotContain("Welcome from the console", after.VisibleText, StringComparison.Ordinal);
        Assert.Equal(2, await _bot.ScalarAsync<int>(
            "SELECT COUNT(*) FROM audit_log WHERE user_id = @Admin AND action = '/template_set' AND allowed = 1", new { Admin })); // v2 and the refused one
        Assert.Equal(1, await _bot.ScalarAsync<int>(
            "SELECT COUNT(*) FROM audit_log WHERE user_id = @Admin AND action = '/rollback' AND detail = 'welcome en v1'", new { Admin }));
    }

    private IWebElement Source() => _browser.Driver.FindElement(By.Id("source"));

    /// <summary>Replaces the editor's text the way a person does: select all, then type.</summary>
    private void Type(string text)
    {
        var source = Source();
        source.SendKeys(Keys.Control + "a");
        source.SendKeys(Keys.Delete);
        source.SendKeys(text);
    }

    private Task SignInAsync() => ConsoleSignIn.SignInAsync(_browser, _server, Admin);

    private Task<SentMessage> AskAsync(long user, string text) => ConsoleSignIn.AskAsync(_server, user, text);

    [GeneratedRegex(@"^Line 2, column \d+: .+")]
    private static partial Regex ProblemPattern();
}

public sealed class TemplatePagesTestsOnSqlite() : TemplatePagesTests(StorageProvider.Sqlite);

public sealed class TemplatePagesTestsOnPostgres() : TemplatePagesTests(StorageProvider.Postgres);
