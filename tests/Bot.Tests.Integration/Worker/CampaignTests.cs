using System.Globalization;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Bot.Worker.Awareness;
using Bot.Worker.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Integration.Worker;

/// <summary>Campaigns and alerts to hundreds of subscribers, through Quartz, the dispatcher and the real Telegram.Bot client.</summary>
public abstract class CampaignTests(StorageProvider provider)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_campaign_reaches_every_subscriber_once_in_their_language_and_respects_quiet_hours_and_blocks()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = RepoPaths.NewTempDirectory("bot-campaign");
        // 09:59:00 in Shanghai; the campaign is at 10:00.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 1, 59, 0, TimeSpan.Zero));
        await File.WriteAllTextAsync(Path.Combine(directory, "campaigns.yaml"), """
            campaigns:
              - id: weekly-tip
                topic: tips
                at: 2026-11-24T10:00
                template: awareness-tip
                rotate: tips
            """);
        await using var bot = await BotUnderTest.StartAsync(provider, server, s =>
        {
            s.TimeProvider = clock;
            s.Configuration["Bot:CampaignsFile"] = Path.Combine(directory, "campaigns.yaml");
        }, directory);

        var users = Enumerable.Range(0, 300).Select(i => (Id: 800_000L + i, Language: (i % 3) switch { 0 => "zh-hans", 1 => "zh-hant", _ => "en" })).ToList();
        var unsubscribed = users.Where((_, i) => i % 10 == 9).Select(u => u.Id).ToHashSet();      // 30 never subscribe
        var quiet = users.Where((_, i) => i % 10 == 3).Select(u => u.Id).ToHashSet();             // 30 in quiet hours
        var blocking = users.Where((_, i) => i % 30 == 5).Select(u => u.Id).Take(10).ToHashSet(); // 10 block the bot
        foreach (var (id, language) in users)
        {
            server.EnqueueText(id, "/start", languageCode: language);
            if (!unsubscribed.Contains(id))
            {
                server.EnqueueText(id, "/subscribe tips", languageCode: language);
            }
            if (quiet.Contains(id))
            {
                server.EnqueueText(id, "/quiet 09:30-10:30", languageCode: language);
            }
        }
        int Replies(long id) => 1 + (unsubscribed.Contains(id) ? 0 : 1) + (quiet.Contains(id) ? 1 : 0);
        await Eventually.TrueAsync(() => users.All(u => server.SentTo(u.Id).Count >= Replies(u.Id)));
        foreach (var id in blocking)
        {
            server.BlockChat(id);
        }

        clock.Advance(TimeSpan.FromMinutes(1)); // 10:00: Quartz fires the campaign
        var reached = users.Where(u => !unsubscribed.Contains(u.Id) && !quiet.Contains(u.Id) && !blocking.Contains(u.Id)).ToList();
        await Eventually.TrueAsync(() => reached.All(u => server.SentTo(u.Id).Count >= Replies(u.Id) + 1));
        await bot.WaitForAsync("SELECT COUNT(*) FROM outbox WHERE kind = 'awareness-tip' AND state = 'blocked'", blocking.Count);

        foreach (var (id, language) in reached)
        {
            var sent = server.SentTo(id);
            Assert.True(Replies(id) + 1 == sent.Count, string.Join("\n", bot.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Warning", StringComparison.Ordinal)).Take(3)) + $"{id}:\n" + string.Join("\n--\n", sent.Select(m => $"#{m.MessageId} {m.ReceivedAt:HH:mm:ss.fff} " + m.VisibleText[..Math.Min(50, m.VisibleText.Length)])));
            // The first tip of the library, in the subscriber's language.
            var title = language switch { "zh-hans" => "根本没有“安全账户”", "zh-hant" => "根本沒有「安全帳戶」", _ => "There is no \"safe account\"" };
            Assert.StartsWith("💡 " + title, sent[^1].VisibleText, StringComparison.Ordinal);
        }
        foreach (var u in users.Where(u => unsubscribed.Contains(u.Id) || quiet.Contains(u.Id) || blocking.Contains(u.Id)))
        {
            var sent = server.SentTo(u.Id);
            Assert.True(Replies(u.Id) == sent.Count, $"{u.Id} quiet={quiet.Contains(u.Id)} blocked={blocking.Contains(u.Id)}:\n" + string.Join("\n--\n", sent.Select(m => m.VisibleText[..Math.Min(50, m.VisibleText.Length)])));
        }
        Assert.Equal(blocking.Count, server.Calls.Count(c => c.Method == "sendMessage" && c.StatusCode == 403));
        foreach (var id in blocking)
        {
            Assert.Empty(await bot.Get<SubscriptionStore>().GetAsync(id, CancellationToken.None));
        }

        clock.Advance(TimeSpan.FromMinutes(31)); // 10:31: the quiet window has ended
        bot.Get<DispatchSignal>().Notify();
        await Eventually.TrueAsync(() => quiet.All(id => server.SentTo(id).Count == Replies(id) + 1));
        Assert.All(users.Where(u => unsubscribed.Contains(u.Id)), u => Assert.Equal(Replies(u.Id), server.SentTo(u.Id).Count));
        Assert.Equal(blocking.Count, server.Calls.Count(c => c.Method == "sendMessage" && c.StatusCode == 403));
        await bot.WaitForAsync("SELECT COUNT(*) FROM outbox WHERE kind = 'awareness-tip' AND state = 'sent'", 270 - blocking.Count);
    }

    [Fact]
    public async Task An_alert_needs_a_second_admin()
    {
        const long first = 9001, second = 9002, subscriber = 9100;
        await using var server = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(provider, server, s =>
        {
            s.Configuration["Bot:Admins:0"] = first.ToString(CultureInfo.InvariantCulture);
            s.Configuration["Bot:Admins:1"] = second.ToString(CultureInfo.InvariantCulture);
        });
        server.EnqueueText(subscriber, "/subscribe alerts", languageCode: "en");
        await server.WaitForMessagesAsync(subscriber, 1, Wait);

        server.EnqueueText(first, "/broadcast alerts alert", languageCode: "en");
        var proposal = await server.WaitForMessagesAsync(first, 2, Wait); // the proposal and its preview
        Assert.Contains("/approve 1", proposal[0].VisibleText, StringComparison.Ordinal);
        var notice = await server.WaitForMessageAsync(m => m.ChatId == second && m.ButtonData.Contains("bc:a:1"), Wait);

        server.EnqueueText(first, "/approve 1", languageCode: "en");
        var all = await server.WaitForMessagesAsync(first, 3, Wait);
        var refused = all[2];
        Assert.True(refused.VisibleText.Contains("own", StringComparison.OrdinalIgnoreCase), string.Join("\n---\n", all.Select(m => m.VisibleText[..Math.Min(60, m.VisibleText.Length)])));
        Assert.Contains("own", refused.VisibleText, StringComparison.OrdinalIgnoreCase);
        Assert.Single(server.SentTo(subscriber));

        server.EnqueueCallback(second, "bc:a:1", second, notice.MessageId, languageCode: "en");
        var alert = (await server.WaitForMessagesAsync(subscriber, 2, Wait))[1];
        Assert.Contains("96110", alert.VisibleText, StringComparison.Ordinal);
        Assert.Equal(1, await bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = '/approve' AND allowed = 0 AND user_id = @first", new { first }));
        Assert.Equal(1, await bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = '/approve' AND allowed = 1 AND user_id = @second", new { second }));

        server.EnqueueText(second, "/stats", languageCode: "en");
        server.EnqueueText(second, "/audit", languageCode: "en");
        var views = await server.WaitForMessagesAsync(second, 5, Wait); // notice, preview, decision, stats, audit
        Assert.Contains("alert #1", views[3].VisibleText, StringComparison.Ordinal);
        Assert.Contains("Fraud alerts: 1", views[3].VisibleText, StringComparison.Ordinal);
        Assert.Contains("/broadcast", views[4].VisibleText, StringComparison.Ordinal);
    }
}

public sealed class CampaignTestsOnSqlite() : CampaignTests(StorageProvider.Sqlite);

public sealed class CampaignTestsOnPostgres() : CampaignTests(StorageProvider.Postgres);
