using System.Globalization;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;

namespace Bot.Tests.Integration.Worker;

/// <summary>/broadcast TOPIC with the admin's own text, through the real Telegram.Bot client and the fake Bot API server.</summary>
public abstract class AlertTextTests(StorageProvider provider)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private const long First = 9001, Second = 9002, English = 9100, Chinese = 9101;

    [Fact]
    public async Task A_text_alert_goes_out_escaped_inside_the_alert_template_once_per_subscriber_after_a_second_admin_approves()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(provider, server, s =>
        {
            s.Configuration["Bot:Admins:0"] = First.ToString(CultureInfo.InvariantCulture);
            s.Configuration["Bot:Admins:1"] = Second.ToString(CultureInfo.InvariantCulture);
        });
        server.EnqueueText(English, "/subscribe alerts", languageCode: "en");
        server.EnqueueText(Chinese, "/subscribe alerts", languageCode: "zh-hans");
        await server.WaitForMessagesAsync(English, 1, Wait);
        await server.WaitForMessagesAsync(Chinese, 1, Wait);

        server.EnqueueText(First, "/broadcast alerts\nFake <b>courier</b> calls & texts today.\nHang up & call 96110.", languageCode: "en");
        var proposal = await server.WaitForMessagesAsync(First, 2, Wait); // the proposal and its preview
        Assert.Contains("/approve 1", proposal[0].VisibleText, StringComparison.Ordinal);
        Assert.Contains("with your text", proposal[0].VisibleText, StringComparison.Ordinal);
        Assert.Contains("Fake <b>courier</b> calls & texts today.", proposal[1].VisibleText, StringComparison.Ordinal);
        var notice = await server.WaitForMessageAsync(m => m.ChatId == Second && m.ButtonData.Contains("bc:a:1"), Wait);

        server.EnqueueText(First, "/approve 1", languageCode: "en");
        var refused = (await server.WaitForMessagesAsync(First, 3, Wait))[2];
        Assert.Contains("own", refused.VisibleText, StringComparison.OrdinalIgnoreCase);
        Assert.Single(server.SentTo(English));

        server.EnqueueCallback(Second, "bc:a:1", Second, notice.MessageId, languageCode: "en");
        var english = (await server.WaitForMessagesAsync(English, 2, Wait))[1];
        var chinese = (await server.WaitForMessagesAsync(Chinese, 2, Wait))[1];
        foreach (var alert in new[] { english, chinese })
        {
            Assert.Contains("Fake &lt;b&gt;courier&lt;/b&gt; calls &amp; texts today.\nHang up &amp; call 96110.", alert.Text, StringComparison.Ordinal);
            Assert.Contains("Fake <b>courier</b> calls & texts today.\nHang up & call 96110.", alert.VisibleText, StringComparison.Ordinal);
            Assert.Contains("/unsubscribe alerts", alert.VisibleText, StringComparison.Ordinal);
        }
        Assert.Contains("Fraud alert", english.VisibleText, StringComparison.Ordinal);
        Assert.Contains("反诈预警", chinese.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("safe account", english.VisibleText, StringComparison.Ordinal);

        await bot.WaitForAsync("SELECT COUNT(*) FROM outbox WHERE broadcast_id = 1 AND state = 'sent'", 2L);
        Assert.Equal(2, server.SentTo(English).Count);
        Assert.Equal(2, server.SentTo(Chinese).Count);
        Assert.Equal(0, await bot.ScalarAsync<int>("SELECT COUNT(*) FROM template_versions WHERE name = 'alert' AND origin = 'admin'"));
        Assert.Equal(1, await bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = '/approve' AND allowed = 0 AND user_id = @First", new { First }));
    }

    [Fact]
    public async Task Wrong_input_gets_a_usage_hint_or_a_refusal_and_proposes_nothing()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(provider, server, s =>
        {
            s.Configuration["Bot:Admins:0"] = First.ToString(CultureInfo.InvariantCulture);
            s.Configuration["Bot:Admins:1"] = Second.ToString(CultureInfo.InvariantCulture);
        });

        server.EnqueueText(First, "/broadcast news\nHang up.", languageCode: "en");
        server.EnqueueText(First, "/broadcast alerts\n   \n", languageCode: "en");
        server.EnqueueText(First, "/broadcast alerts alert\nHang up.", languageCode: "en");
        server.EnqueueText(First, "/broadcast alerts\n" + new string('y', 9000), languageCode: "en");
        var replies = await server.WaitForMessagesAsync(First, 4, Wait);

        Assert.Contains("news", replies[0].VisibleText, StringComparison.Ordinal);
        Assert.Contains("/broadcast TOPIC", replies[1].VisibleText, StringComparison.Ordinal);
        Assert.Contains("Not understood: alert", replies[2].VisibleText, StringComparison.Ordinal);
        Assert.Contains("too long", replies[3].VisibleText, StringComparison.Ordinal);
        Assert.Contains("8192", replies[3].VisibleText, StringComparison.Ordinal);
        Assert.Equal(0, await bot.ScalarAsync<int>("SELECT COUNT(*) FROM broadcasts"));
        Assert.Empty(server.SentTo(Second));
    }
}

public sealed class AlertTextTestsOnSqlite() : AlertTextTests(StorageProvider.Sqlite);

public sealed class AlertTextTestsOnPostgres() : AlertTextTests(StorageProvider.Postgres);
