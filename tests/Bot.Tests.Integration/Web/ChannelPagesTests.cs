using System.Globalization;
using Bot.FakeRobots;
using Bot.TestDatabases;
using Bot.Tests.Integration.Channels;
using Bot.Tests.Integration.Support;
using Bot.Worker.Hosting;
using OpenQA.Selenium;

namespace Bot.Tests.Integration.Web;

/// <summary>
/// The Channels console page and the ack page in headless Chromium (PRODUCT.md 4.9): the robots and the SMTP server
/// with their state, Send test message (audited, no secret on the page); an email's and a robot's ack links opened and
/// confirmed as a person would, through the page's own form.
/// </summary>
public abstract class ChannelPagesTests(StorageProvider provider) : ConsolePageTest(provider, Admin)
{
    private const long Admin = 4646;
    private const long Lead = 7201;
    private const string WeCom = "desk-wecom";
    private const string BadDingTalk = "desk-dingtalk";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly string _key = "tok" + Guid.NewGuid().ToString("N");
    private readonly string _token = "tok" + Guid.NewGuid().ToString("N");
    private readonly string _wrongSecret = "SEC" + Guid.NewGuid().ToString("N");
    private FakeRobotServer _robots = null!;
    private LoopbackSmtpServer _smtp = null!;
    private string _directory = "";
    private string _weComUrl = "";
    private string _dingTalkUrl = "";

    private protected override async Task<string?> PrepareAsync()
    {
        _robots = await FakeRobotServer.StartAsync();
        _smtp = await LoopbackSmtpServer.StartAsync();
        _weComUrl = _robots.AddWeCom(_key);
        _dingTalkUrl = _robots.AddDingTalk(_token, "SEC" + Guid.NewGuid().ToString("N"));
        _directory = RepoPaths.NewTempDirectory("bot-web-channels");
        var due = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddSeconds(40), Shanghai).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        const string wang = "{ email: wang.wei@example.cn, name: Wang Wei }";
        await File.WriteAllTextAsync(Path.Combine(_directory, "deadlines.yaml"), $"""
            time_zone: Asia/Shanghai
            teams:
              - id: fraud
                name: Fraud desk
                lead: {Lead}
                members: [{Lead}, {wang}]
                robots: [{WeCom}]
            deadlines:
              - id: quarterly
                title: Quarterly fraud report
                team: fraud
                due: {due}
                remind: [35s]
            """);
        return _directory;
    }

    private protected override void Configure(WorkerHostSettings settings)
    {
        var c = settings.Configuration;
        c["Bot:DefaultLanguage"] = "en";
        c["Bot:DeadlinesFile"] = Path.Combine(_directory, "deadlines.yaml");
        c[$"Channels:Robots:{WeCom}:Kind"] = "WeCom";
        c[$"Channels:Robots:{WeCom}:Url"] = _weComUrl;
        c[$"Channels:Robots:{BadDingTalk}:Kind"] = "DingTalk";
        c[$"Channels:Robots:{BadDingTalk}:Url"] = _dingTalkUrl;
        c[$"Channels:Robots:{BadDingTalk}:Secret"] = _wrongSecret;
        c["Email:Host"] = "127.0.0.1";
        c["Email:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture);
        c["Email:Security"] = "None";
        c["Email:From"] = "Reminder bot <bot@example.cn>";
    }

    private protected override async Task StoppedAsync()
    {
        await _smtp.DisposeAsync();
        await _robots.DisposeAsync();
    }

    [Fact]
    public async Task The_channels_page_shows_each_robot_and_the_smtp_server_without_secrets_and_sends_audited_test_messages()
    {
        await ConsoleSignIn.SignInAsync(Chrome, Server, Admin);
        Chrome.Open(new Uri(Bot.WebAddress, "/channels"));
        Chrome.WaitForText($"#robots tr[data-robot='{WeCom}']", t => t.Contains("WeCom", StringComparison.Ordinal));
        Assert.Contains("20", Chrome.Text($"#robots tr[data-robot='{WeCom}'] td.num"), StringComparison.Ordinal);
        Assert.Equal("never", Chrome.Text($"#robots tr[data-robot='{BadDingTalk}'] [data-field='last-success']"));
        Assert.Equal("never", Chrome.Text($"#robots tr[data-robot='{BadDingTalk}'] [data-field='last-error']"));
        Assert.Contains("127.0.0.1", Chrome.Text("#smtp tr[data-robot='email']"), StringComparison.Ordinal);
        AssertNoSecretOnPage();

        // A robot that works: sent, shown as the last success, audited.
        Chrome.Click($"button[data-test='{WeCom}']");
        Assert.Contains($"went to {WeCom}", Chrome.WaitForText("#test-result", _ => true), StringComparison.Ordinal);
        Assert.Contains(_robots.Accepted(FakeRobotKind.WeCom), p => p.Text.Contains("A test message from the anti-fraud bot", StringComparison.Ordinal));
        Assert.NotEqual("never", Chrome.Text($"#robots tr[data-robot='{WeCom}'] [data-field='last-success']"));
        Assert.Equal(1, await Bot.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE user_id = @Admin AND action = 'web:channel-test' AND detail LIKE @detail",
            new { Admin, detail = WeCom + ": sent%" }));

        // A robot whose signing secret is wrong: refused, the app's code shown, no secret on the page.
        Chrome.Click($"button[data-test='{BadDingTalk}']");
        var refused = Chrome.WaitForText("#test-result", t => t.Contains(BadDingTalk, StringComparison.Ordinal));
        Assert.Contains("310000", refused, StringComparison.Ordinal);
        Assert.Contains("problem", Chrome.Driver.FindElement(By.CssSelector("#test-result")).GetAttribute("class"), StringComparison.Ordinal);
        Assert.Contains("310000", Chrome.Text($"#robots tr[data-robot='{BadDingTalk}'] [data-field='last-error']"), StringComparison.Ordinal);
        AssertNoSecretOnPage();

        // The SMTP server: a test email to the address typed in.
        Chrome.Driver.FindElement(By.CssSelector("#test-to")).SendKeys("li.na@example.cn");
        Chrome.Click("button[data-test='email']");
        Assert.Contains("went to li.na@example.cn", Chrome.WaitForText("#test-result", t => t.Contains("li.na", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(_smtp.Messages, m => m.To.ToString().Contains("li.na@example.cn", StringComparison.Ordinal) && (m.TextBody ?? "").Contains("A test message", StringComparison.Ordinal));
        Assert.Equal(3, await Bot.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE user_id = @Admin AND action = 'web:channel-test'", new { Admin }));
        Chrome.Screenshot("channels");
    }

    [Fact]
    public async Task An_ack_link_opened_in_the_browser_shows_what_it_will_do_and_the_form_confirms_it()
    {
        MimeKit.MimeMessage? mail = null;
        await Eventually.TrueAsync(() => (mail = _smtp.Messages.FirstOrDefault(m => m.To.ToString().Contains("wang.wei@example.cn", StringComparison.Ordinal))) is not null, within: Wait);
        var links = AckClient.Links(mail!.HtmlBody ?? "");
        ReceivedPost? post = null;
        await Eventually.TrueAsync(() => (post = _robots.Accepted(FakeRobotKind.WeCom).FirstOrDefault(p => p.Text.Contains("Quarterly fraud report", StringComparison.Ordinal))) is not null, within: Wait);
        var robotLinks = AckClient.Links(post!.Text);

        // A robot's Snooze link: the page asks who is acting; the browser will not submit without a choice.
        Chrome.Open(new Uri(robotLinks["⏰ Snooze 1h"]));
        Chrome.WaitForText("#ack-title", t => t == "Quarterly fraud report");
        Assert.Contains(WeCom, Chrome.Text("#ack-form"), StringComparison.Ordinal);
        Chrome.Click("#ack-confirm");
        Assert.Equal(false, Chrome.Driver.ExecuteScript("return document.querySelector('#ack-person').validity.valid;"));
        Assert.Empty(Chrome.Driver.FindElements(By.CssSelector("#ack-result")));
        Assert.Equal(0, await Bot.ScalarAsync<long>("SELECT COUNT(*) FROM ack_uses"));
        Chrome.Driver.ExecuteScript("document.querySelector('#ack-person').value = arguments[0];", Lead.ToString(CultureInfo.InvariantCulture));
        Chrome.Click("#ack-confirm");
        Assert.Contains("you will be reminded again at", Chrome.WaitForText("#ack-result", _ => true), StringComparison.Ordinal);
        Assert.Equal(1, await Bot.ScalarAsync<long>($"SELECT COUNT(*) FROM occurrence_events WHERE kind = 'snoozed' AND user_id = {Lead} AND detail LIKE '%via robot {WeCom}'"));

        // The email's Done link: opening it changes nothing; the page says who acts and what will happen.
        Chrome.Open(new Uri(links["✅ Done"]));
        Chrome.WaitForText("#ack-title", t => t == "Quarterly fraud report");
        Assert.Equal("Wang Wei", Chrome.Driver.FindElement(By.CssSelector("#ack-as b")).Text);
        Assert.Contains("reminders", Chrome.Text("#ack-effect"), StringComparison.Ordinal);
        Assert.Empty(Axe.Violations(Chrome.Driver));
        Chrome.Driver.Navigate().Refresh();
        Chrome.WaitForText("#ack-title", _ => true);
        Assert.Equal("open", await Bot.ScalarAsync<string>("SELECT state FROM occurrences"));
        Chrome.Screenshot("ack");

        Chrome.Click("#ack-confirm");
        Chrome.WaitForText("#ack-result", _ => true);
        Assert.Equal("done", Chrome.Driver.FindElement(By.CssSelector("#ack-result")).GetAttribute("data-outcome"));
        Assert.Equal("done", await Bot.ScalarAsync<string>("SELECT state FROM occurrences"));

        // The same link again: the page says why it no longer works.
        Chrome.Open(new Uri(links["✅ Done"]));
        Chrome.WaitForText("#ack-problem", _ => true);
        Assert.Equal("closed", Chrome.Driver.FindElement(By.CssSelector("#ack-problem")).GetAttribute("data-problem"));
        Assert.Contains("Wang Wei", Chrome.Text("#ack-closed-by"), StringComparison.Ordinal);
        Assert.Empty(Chrome.Driver.FindElements(By.CssSelector("#ack-form")));
    }

    private void AssertNoSecretOnPage()
    {
        var source = Chrome.Driver.PageSource;
        foreach (var secret in new[] { _key, _token, _wrongSecret })
        {
            Assert.DoesNotContain(secret, source, StringComparison.Ordinal);
        }
    }
}

public sealed class ChannelPagesTestsOnSqlite() : ChannelPagesTests(StorageProvider.Sqlite);

public sealed class ChannelPagesTestsOnPostgres() : ChannelPagesTests(StorageProvider.Postgres);
