using System.Globalization;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Bot.Worker.Hosting;
using OpenQA.Selenium;

namespace Bot.Tests.Integration.Web;

/// <summary>
/// The reports and known numbers pages in real headless Chromium, on SQLite and PostgreSQL: a report filed in chat is
/// confirmed on the page (the reporter is told, the number is red at the next /check, the action is audited like the
/// chat button's), a report decided in chat is refused on a stale page, and numbers added or imported on the known
/// numbers page are red at the next /check, with bad input reported next to the field or by line.
/// </summary>
public abstract class ReportPagesTests(StorageProvider provider) : ConsolePageTest(provider, Admin)
{
    private const long Admin = 7301, Reporter = 7401;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private protected override void Configure(WorkerHostSettings settings)
    {
        settings.Configuration["Bot:KnownNumbersFile"] = Path.Combine(RepoPaths.Root, "config", "known-numbers.yaml");
        // The wrong-verdict test asserts the signs a verdict named: a rule paused past 100 ms on a busy host would be dropped.
        settings.Configuration["Bot:ScamSignsFile"] = Worker.ScamLearningTests.PatientRules();
    }

    [Fact]
    public async Task A_report_confirmed_on_the_page_tells_the_reporter_makes_the_number_red_and_a_report_decided_in_chat_is_refused()
    {
        Assert.StartsWith("🟢", (await AskAsync(Reporter, "/check 171-2345-6789")).VisibleText, StringComparison.Ordinal);
        var first = await ReportAsync("Officer Wang: your card is frozen, call +86 171 2345 6789 or see http://icbc-safe.top/unfreeze");
        var second = await ReportAsync("A courier said to call 0755-2345 6789 about a parcel");

        await ConsoleSignIn.SignInAsync(Chrome, Server, Admin);
        Chrome.Open(new Uri(Bot.WebAddress, "/reports"));
        var row = $"#reports tr[data-id='{first}']";
        Assert.Contains("Officer Wang", Chrome.WaitForText($"{row} [data-field='text']", _ => true), StringComparison.Ordinal);
        Assert.Contains("17123456789", Chrome.Text($"{row} [data-field='numbers']"), StringComparison.Ordinal);
        // The link is shown as text, never as a link an admin could click.
        Assert.Contains("icbc-safe.top", Chrome.Text($"{row} [data-field='links']"), StringComparison.Ordinal);
        Assert.Empty(Chrome.Driver.FindElements(By.CssSelector($"{row} a")));
        Assert.Equal(Reporter.ToString(CultureInfo.InvariantCulture), Chrome.Text($"{row} [data-field='reporter']"));
        // Newest first.
        Assert.Equal(second.ToString(CultureInfo.InvariantCulture), Chrome.Driver.FindElement(By.CssSelector("#reports tbody tr")).GetAttribute("data-id"));

        Chrome.Click($"{row} button[data-action='confirm']");

        Assert.Contains("confirmed", Chrome.WaitForText("#decision", _ => true), StringComparison.Ordinal);
        Assert.Equal("confirmed", Chrome.Driver.FindElement(By.CssSelector(row)).GetAttribute("data-state"));
        Assert.Empty(Chrome.Driver.FindElements(By.CssSelector($"{row} button")));
        // The reporter is told exactly as after the chat button, and the number is red at the next check.
        var told = await Server.WaitForMessageAsync(m => m.ChatId == Reporter && m.VisibleText.Contains($"#{first}", StringComparison.Ordinal) && m.VisibleText.Contains("confirmed", StringComparison.OrdinalIgnoreCase), Wait);
        Assert.NotNull(told);
        var check = await AskAsync(Reporter, "/check 17123456789");
        Assert.StartsWith("🔴", check.VisibleText, StringComparison.Ordinal);
        Assert.Equal(1, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = 'report:confirmed' AND user_id = @Admin AND allowed = 1", new { Admin }));

        // The filter: only open reports.
        Chrome.Open(new Uri(Bot.WebAddress, "/reports?state=open"));
        Chrome.WaitForText($"#reports tr[data-id='{second}']", _ => true);
        Assert.Empty(Chrome.Driver.FindElements(By.CssSelector(row)));
        Chrome.Screenshot("reports");

        // Decided in chat meanwhile (Not fraud under the admin's notice): the stale page's Close is refused politely.
        var notice = await Server.WaitForMessageAsync(m => m.ChatId == Admin && m.ButtonData.Contains($"rp:n:{second}"), Wait);
        var toldBefore = Server.SentTo(Reporter).Count;
        Server.EnqueueCallback(Admin, $"rp:n:{second}", Admin, notice.MessageId, languageCode: "en");
        await Bot.WaitForAsync("SELECT state FROM reports WHERE id = @second", "not_fraud", new { second });
        await Server.WaitForMessagesAsync(Reporter, toldBefore + 1, Wait);
        Chrome.Click($"#reports tr[data-id='{second}'] button[data-action='close']");
        Assert.Contains("decided already", Chrome.WaitForText("#decision.problem", _ => true), StringComparison.Ordinal);
        Assert.Equal("not_fraud", await Bot.ScalarAsync<string>("SELECT state FROM reports WHERE id = @second", new { second }));
        Assert.Equal(0, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = 'report:closed'"));

        Chrome.Open(new Uri(Bot.WebAddress, "/audit"));
        var actions = Chrome.WaitForText("#audit", t => t.Contains("report:confirmed", StringComparison.Ordinal));
        Assert.Contains("report:not_fraud", actions, StringComparison.Ordinal);
        Assert.Equal(toldBefore + 1, Server.SentTo(Reporter).Count);
    }

    [Fact]
    public async Task Numbers_added_or_imported_on_the_known_numbers_page_are_red_at_the_next_check_and_bad_input_saves_nothing()
    {
        await ConsoleSignIn.SignInAsync(Chrome, Server, Admin);
        Chrome.Open(new Uri(Bot.WebAddress, "/known-numbers"));
        Assert.Equal("file", Chrome.WaitForText("#file-numbers tr[data-value='96110'] [data-field='source']", _ => true));

        Type("#number", "call me 12");
        Chrome.Click("#add-button");
        Assert.Contains("is not a phone number", Chrome.WaitForText("#number-problem", _ => true), StringComparison.Ordinal);
        Assert.Equal(0, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM known_numbers"));

        Type("#number", "+86 139 0013 9000");
        Type("#note", "fake customer service");
        Chrome.Click("#add-button");
        Assert.Contains("13900139000", Chrome.WaitForText("#known-done", _ => true), StringComparison.Ordinal);
        Assert.Equal(Admin.ToString(CultureInfo.InvariantCulture), Chrome.Text("#db-numbers tr[data-value='13900139000'] [data-field='added-by']"));
        Assert.StartsWith("🔴", (await AskAsync(Reporter, "/check 139-0013-9000")).VisibleText, StringComparison.Ordinal);

        var csv = Path.Combine(Bot.Directory, "numbers.csv");
        await File.WriteAllTextAsync(csv, "number,kind,note\n13700137000,fraud,ok\n137-00,fraud,too short\n95566,official,Bank of China\n");
        Chrome.Driver.FindElement(By.CssSelector("#csv-file")).SendKeys(csv);
        Chrome.Click("#import-button");
        Assert.Contains("Line 3", Chrome.WaitForText("#import-errors li[data-line='3']", _ => true), StringComparison.Ordinal);
        Assert.Single(Chrome.Driver.FindElements(By.CssSelector("#import-errors li")));
        Assert.Equal(1, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM known_numbers"));

        await File.WriteAllTextAsync(csv, "13700137000,fraud,ok\n95566,official,Bank of China\n");
        Chrome.Driver.FindElement(By.CssSelector("#csv-file")).SendKeys(csv);
        Chrome.Click("#import-button");
        Assert.Contains("2", Chrome.WaitForText("#import-done", _ => true), StringComparison.Ordinal);
        Chrome.WaitForText("#db-numbers tr[data-value='95566'] [data-field='kind']", t => t == "official");
        Assert.StartsWith("🔴", (await AskAsync(Reporter, "/check 13700137000")).VisibleText, StringComparison.Ordinal);
        Chrome.Screenshot("known-numbers");

        Chrome.Click("#db-numbers tr[data-value='13700137000'] button[data-action='remove']");
        Assert.Contains("13700137000", Chrome.WaitForText("#known-done", t => t.Contains("Removed", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Empty(Chrome.Driver.FindElements(By.CssSelector("#db-numbers tr[data-value='13700137000']")));
        Assert.False((await AskAsync(Reporter, "/check 13700137000")).VisibleText.StartsWith("🔴", StringComparison.Ordinal));

        Chrome.Open(new Uri(Bot.WebAddress, "/audit"));
        var audit = Chrome.WaitForText("#audit", t => t.Contains("known:add", StringComparison.Ordinal));
        Assert.Contains("known:import", audit, StringComparison.Ordinal);
        Assert.Contains("known:remove", audit, StringComparison.Ordinal);
        Assert.Equal(4, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE user_id = @Admin AND action LIKE 'known:%'", new { Admin }));
    }

    [Fact]
    public async Task A_wrong_verdict_report_shows_the_signs_that_fired_and_the_dashboard_counts_right_and_wrong()
    {
        const string text = "【公安局】你涉嫌洗钱，马上把资金转到安全账户，不要告诉任何人";
        var red = await AskAsync(Reporter, "/check " + text);
        Assert.StartsWith("🔴", red.VisibleText, StringComparison.Ordinal);
        var redId = red.ButtonData.Single(d => d.StartsWith("fb:w:", StringComparison.Ordinal))["fb:w:".Length..];
        await PressAsync(red, $"fb:w:{redId}");
        var before = Server.SentTo(Reporter).Count;
        Server.EnqueueCallback(Reporter, $"fb:s:{redId}", Reporter, red.MessageId, languageCode: "en");
        await Server.WaitForMessagesAsync(Reporter, before + 1, Wait); // the prompt
        await AskAsync(Reporter, text);
        var report = await Bot.ScalarAsync<long>("SELECT MAX(id) FROM reports WHERE chat_id = @Reporter", new { Reporter });
        await Server.WaitForMessageAsync(m => m.ChatId == Admin && m.ButtonData.Contains($"rp:c:{report}"), Wait);

        var green = await AskAsync(Reporter, "/check 明天中午一起吃饭吗？十二点楼下面馆见。");
        Assert.StartsWith("🟢", green.VisibleText, StringComparison.Ordinal);
        await PressAsync(green, green.ButtonData.Single(d => d.StartsWith("fb:r:", StringComparison.Ordinal)));

        await ConsoleSignIn.SignInAsync(Chrome, Server, Admin);
        Chrome.Open(new Uri(Bot.WebAddress, "/reports?kind=wrong-verdict"));
        var row = $"#reports tr[data-id='{report}']";
        Assert.Contains("Wrong verdict", Chrome.WaitForText($"{row} [data-field='kind']", _ => true), StringComparison.Ordinal);
        Assert.Equal("red", Chrome.Driver.FindElement(By.CssSelector($"{row} [data-field='verdict']")).GetAttribute("data-level"));
        // Each sign that fired, with its explanation: the admin sees which rule misfired.
        Assert.Contains("safe account", Chrome.Text($"{row} li[data-sign='safe-account']"), StringComparison.Ordinal);
        Chrome.Screenshot("reports-wrong-verdict");
        // A fraud report is not a wrong-verdict one: the filter leaves it out.
        var fraud = await ReportAsync("Officer Wang: your card is frozen, call +86 171 2345 6789");
        Chrome.Open(new Uri(Bot.WebAddress, "/reports?kind=wrong-verdict"));
        Chrome.WaitForText(row, _ => true);
        Assert.Empty(Chrome.Driver.FindElements(By.CssSelector($"#reports tr[data-id='{fraud}']")));

        Chrome.Open(new Uri(Bot.WebAddress, "/"));
        Assert.Equal("1", Chrome.WaitForText("#check-levels tr[data-level='red'] [data-field='down']", _ => true));
        Assert.Equal("0", Chrome.Text("#check-levels tr[data-level='red'] [data-field='up']"));
        Assert.Equal("1", Chrome.Text("#check-levels tr[data-level='green'] [data-field='up']"));
        Assert.Equal("1", Chrome.Text("#sign-votes tr[data-sign='safe-account'] [data-field='down']"));
        Chrome.Screenshot("dashboard-feedback");
    }

    /// <summary>Presses a button under a verdict and waits for the bot's answer to it.</summary>
    private async Task PressAsync(SentMessage verdict, string data)
    {
        var answers = Server.CallbackAnswers.Count;
        Server.EnqueueCallback(Reporter, data, Reporter, verdict.MessageId, languageCode: "en");
        await Eventually.TrueAsync(() => Server.CallbackAnswers.Count > answers, within: Wait);
    }

    /// <summary>Report to us from /report, then the message: returns the new report's id once the admin's notice is sent.</summary>
    private async Task<long> ReportAsync(string text)
    {
        var report = await AskAsync(Reporter, "/report");
        var before = Server.SentTo(Reporter).Count;
        Server.EnqueueCallback(Reporter, "rp:s:0", Reporter, report.MessageId, languageCode: "en");
        await Server.WaitForMessagesAsync(Reporter, before + 1, Wait); // the prompt
        await AskAsync(Reporter, text);
        var id = await Bot.ScalarAsync<long>("SELECT MAX(id) FROM reports WHERE chat_id = @Reporter", new { Reporter });
        // The admin's notice is out before anything else is asked of the admin's chat.
        await Server.WaitForMessageAsync(m => m.ChatId == Admin && m.ButtonData.Contains($"rp:c:{id}"), Wait);
        return id;
    }

    private void Type(string css, string text)
    {
        var field = Chrome.Driver.FindElement(By.CssSelector(css));
        field.Clear();
        field.SendKeys(text);
    }

    private Task<SentMessage> AskAsync(long user, string text) => ConsoleSignIn.AskAsync(Server, user, text);
}

public sealed class ReportPagesTestsOnSqlite() : ReportPagesTests(StorageProvider.Sqlite);

public sealed class ReportPagesTestsOnPostgres() : ReportPagesTests(StorageProvider.Postgres);
