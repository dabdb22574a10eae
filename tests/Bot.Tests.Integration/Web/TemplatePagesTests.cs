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
public abstract partial class TemplatePagesTests(StorageProvider provider) : ConsolePageTest(provider, Admin)
{
    private const long Admin = 4343;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_preview_follows_the_typing_shows_telegram_formatting_and_never_runs_a_script()
    {
        await SignInAsync();
        Chrome.Open(new Uri(Bot.WebAddress, "/templates"));
        Chrome.WaitForText("#templates tr[data-template='welcome'][data-language='en'] [data-field='version']", t => t == "v1");
        Chrome.Screenshot("templates");
        Chrome.Click("#templates tr[data-template='welcome'][data-language='en'] a");
        Chrome.WaitForText("#live-version", t => t.Contains("v1", StringComparison.Ordinal));
        Assert.StartsWith("<b>👋 Hello, {{ user.first_name }}!</b>", Source().GetAttribute("value"), StringComparison.Ordinal);

        Type("Hi <b>bold</b> {{ user.first_name }}");

        Chrome.WaitForText("#preview b", t => t == "bold");
        // The sample reader is named "<b>&x": the model value is escaped, so the preview shows it as text.
        Chrome.WaitForText("#preview .tg-message", t => t == "Hi bold <b>&x");
        Assert.True(Chrome.Driver.FindElement(By.Id("problem")).GetAttribute("hidden") is not null);
        Chrome.Screenshot("template-editor");

        Type("<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\"> <i>still here</i>");

        Chrome.WaitForText("#preview .tg-message", t => t.StartsWith("<script>window.pwned = 1</script>", StringComparison.Ordinal));
        Assert.Equal("still here", Chrome.Text("#preview i"));
        Assert.Empty(Chrome.Driver.FindElements(By.CssSelector("#preview script, #preview img")));
        Assert.Null(Chrome.Driver.ExecuteScript("return window.pwned === undefined ? null : window.pwned;"));
        // The same text would be refused by Telegram: the editor says so.
        Assert.Contains("<script>", Chrome.WaitForText("#problem", t => t.Length > 0), StringComparison.Ordinal);

        Type("Hello\n{{ if }}");

        var problem = Chrome.WaitForText("#problem", t => t.StartsWith("Line 2, column ", StringComparison.Ordinal));
        Assert.Matches(ProblemPattern(), problem);
        Assert.Equal("2", Chrome.Driver.FindElement(By.Id("problem")).GetAttribute("data-line"));
    }

    [Fact]
    public async Task A_saved_version_goes_live_for_the_bot_and_versions_show_a_diff_and_roll_back()
    {
        await SignInAsync();
        Chrome.Open(new Uri(Bot.WebAddress, "/templates/welcome/en"));
        Chrome.WaitForText("#live-version", t => t.Contains("v1", StringComparison.Ordinal));

        Type("Welcome from the <b>console</b>, {{ user.first_name }}");
        Chrome.WaitForText("#preview b", t => t == "console");
        Chrome.Click("#save");

        Chrome.WaitForText("#saved", t => t.Contains("v2", StringComparison.Ordinal));
        Assert.Contains("v2", Chrome.Text("#live-version"), StringComparison.Ordinal);
        Assert.Equal("Welcome from the <b>console</b>, {{ user.first_name }}", Source().GetAttribute("value"));
        var preview = await AskAsync(Admin, "/preview welcome en");
        Assert.StartsWith("Welcome from the console, ", preview.VisibleText, StringComparison.Ordinal);

        // A broken text is refused with its place; the live version stays.
        Type("Welcome {{ if }}");
        Chrome.Click("#save");
        Chrome.WaitForText("#problem", t => t.StartsWith("Line 1, column ", StringComparison.Ordinal));
        Assert.Contains("v2", Chrome.Text("#live-version"), StringComparison.Ordinal);
        Assert.Equal(2, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM template_versions WHERE name = 'welcome' AND language = 'en'"));

        Chrome.Click("#versions-link");
        Chrome.WaitForText("#versions tr[data-version='2'] [data-field='live']", _ => true);
        Assert.Contains(Admin.ToString(CultureInfo.InvariantCulture), Chrome.Text("#versions tr[data-version='2'] [data-field='author']"), StringComparison.Ordinal);
        Assert.Equal("Welcome from the <b>console</b>, {{ user.first_name }}", Chrome.Text("#diff tr.added td.code"));
        Assert.NotEmpty(Chrome.Driver.FindElements(By.CssSelector("#diff tr.removed")));
        Chrome.Screenshot("template-versions");

        // Any two versions, either way round.
        Chrome.Click("#diff-from option[value='2']");
        Chrome.Click("#diff-to option[value='1']");
        Chrome.Click("#compare");
        Chrome.WaitForText("#diff tr.removed td.code", t => t == "Welcome from the <b>console</b>, {{ user.first_name }}");

        Chrome.Click("button[data-rollback='1']");

        Chrome.WaitForText("#rolled-back", t => t.Contains("v1", StringComparison.Ordinal));
        Chrome.WaitForText("#versions tr[data-version='1'] [data-field='live']", _ => true);
        var after = await AskAsync(Admin, "/preview welcome en");
        Assert.DoesNotContain("Welcome from the console", after.VisibleText, StringComparison.Ordinal);
        Assert.Equal(2, await Bot.ScalarAsync<int>(
            "SELECT COUNT(*) FROM audit_log WHERE user_id = @Admin AND action = '/template_set' AND allowed = 1", new { Admin })); // v2 and the refused one
        Assert.Equal(1, await Bot.ScalarAsync<int>(
            "SELECT COUNT(*) FROM audit_log WHERE user_id = @Admin AND action = '/rollback' AND detail = 'welcome en v1'", new { Admin }));
    }

    private IWebElement Source() => Chrome.Driver.FindElement(By.Id("source"));

    /// <summary>Replaces the editor's text the way a person does: select all, then type.</summary>
    private void Type(string text)
    {
        var source = Source();
        source.SendKeys(Keys.Control + "a");
        source.SendKeys(Keys.Delete);
        source.SendKeys(text);
    }

    private Task SignInAsync() => ConsoleSignIn.SignInAsync(Chrome, Server, Admin);

    private Task<SentMessage> AskAsync(long user, string text) => ConsoleSignIn.AskAsync(Server, user, text);

    [GeneratedRegex(@"^Line 2, column \d+: .+")]
    private static partial Regex ProblemPattern();
}

public sealed class TemplatePagesTestsOnSqlite() : TemplatePagesTests(StorageProvider.Sqlite);

public sealed class TemplatePagesTestsOnPostgres() : TemplatePagesTests(StorageProvider.Postgres);
