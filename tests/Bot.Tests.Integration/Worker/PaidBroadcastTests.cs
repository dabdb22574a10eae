using System.Diagnostics;
using System.Globalization;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Bot.Worker.Storage;

namespace Bot.Tests.Integration.Worker;

/// <summary>
/// Paid broadcasts (Delivery:PaidBroadcast) against the fake Bot API enforcing Telegram's limits (the free 30 a second,
/// paid broadcasts their own): the approval notice shows the cost in Stars before anyone approves; the alert goes out
/// with allow_paid_broadcast in its own lane, faster than the free budget and never above its rate; a /start meanwhile
/// is answered at once from the free budget; a 429 to a paid send pauses only the paid lane and is counted; /stats
/// shows the Stars spent.
/// </summary>
[Collection(nameof(Web.MetricsRunAlone))]
public abstract class PaidBroadcastTests(StorageProvider provider)
{
    private const long AdminA = 8101, AdminB = 8102, FirstSubscriber = 8_200_000;
    private const int Subscribers = 1200, PaidRate = 300;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_approved_alert_goes_out_as_a_paid_broadcast_at_its_own_rate_while_replies_keep_the_free_budget()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        server.EnforceFloodLimits(globalPerSecond: 30, perChatPerSecond: 1, retryAfterSeconds: 5, paidPerSecond: PaidRate);
        await using var bot = await StartAsync(server);
        await SeedSubscribersAsync(bot.Get<IDatabase>());

        server.EnqueueText(AdminA, "/broadcast alerts\nA fake parcel SMS is going round: do not click.", languageCode: "en");
        var notice = await server.WaitForMessageAsync(m => m.ChatId == AdminB && m.ButtonData.Contains("bc:a:1"), Wait);
        // The admin's chat speaks the default language (zh-Hans): the estimate, 0.1 Star a recipient.
        Assert.Contains($"{Subscribers / 10} 颗星", notice.VisibleText, StringComparison.Ordinal);
        var started = Stopwatch.GetTimestamp();
        server.EnqueueCallback(AdminB, "bc:a:1", AdminB, notice.MessageId, languageCode: "en");
        await Eventually.TrueAsync(() => Alerts(server).Count() >= Subscribers / 4, within: Wait);

        // Mid-broadcast, a new user's /start is answered from the free budget, at once.
        const long Newcomer = 8_300_001;
        var asked = Stopwatch.GetTimestamp();
        server.EnqueueText(Newcomer, "/start", languageCode: "en");
        var welcome = (await server.WaitForMessagesAsync(Newcomer, 1, Wait))[0];
        var answeredIn = Stopwatch.GetElapsedTime(asked, welcome.ReceivedTimestamp);
        Assert.False(welcome.Paid);
        Assert.True(Alerts(server).Count() < Subscribers, "the broadcast was over before the /start: make it longer");

        await Eventually.TrueAsync(() => Alerts(server).Select(m => m.ChatId).Distinct().Count() >= Subscribers, within: Wait);
        var drained = Stopwatch.GetElapsedTime(started);
        var alerts = Alerts(server).ToList();
        var busiest = FakeBotApiServer.MaxInAnyWindow(alerts.Select(m => m.ReceivedTimestamp), TimeSpan.FromSeconds(1));
        Assert.All(alerts, m => Assert.True(m.Paid));
        Assert.Equal(Subscribers, alerts.Count);
        Assert.InRange(busiest, 31, PaidRate);
        Assert.DoesNotContain(server.Calls, c => c.StatusCode == 429);
        Assert.True(answeredIn < TimeSpan.FromSeconds(1), $"the /start waited {answeredIn.TotalMilliseconds:F0} ms");
        Assert.True(drained < TimeSpan.FromSeconds(Subscribers / 30.0), $"{Subscribers} paid sends took {drained.TotalSeconds:F1} s, no faster than the free budget");

        await bot.WaitForAsync("SELECT COUNT(*) FROM outbox WHERE broadcast_id = 1 AND state = 'sent' AND paid = 1", (long)Subscribers);
        var before = server.SentTo(AdminA).Count;
        server.EnqueueText(AdminA, "/stats", languageCode: "en");
        var stats = (await server.WaitForMessagesAsync(AdminA, before + 1, Wait))[before];
        Assert.Contains($"Stars spent (paid broadcast): {Subscribers / 10}", stats.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_to_a_paid_send_pauses_only_the_paid_lane_and_is_counted()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        await using var bot = await StartAsync(server);
        await SeedSubscribersAsync(bot.Get<IDatabase>(), 300);
        server.EnqueueText(AdminA, "/broadcast alerts\nA fake parcel SMS is going round: do not click.", languageCode: "en");
        var notice = await server.WaitForMessageAsync(m => m.ChatId == AdminB && m.ButtonData.Contains("bc:a:1"), Wait);

        // The first paid send gets a 429 with retry_after 3.
        server.FailNext("sendMessage", 429, "Too Many Requests: retry after 3", retryAfter: 3, chatId: FirstSubscriber);
        server.EnqueueCallback(AdminB, "bc:a:1", AdminB, notice.MessageId, languageCode: "en");
        var refused = await server.WaitForCallAsync("sendMessage", c => c.StatusCode == 429, Wait);
        const long Newcomer = 8_300_002;
        server.EnqueueText(Newcomer, "/start", languageCode: "en");
        var welcome = (await server.WaitForMessagesAsync(Newcomer, 1, Wait))[0];

        // The free lane answered during the paid lane's pause; no paid send started during it (those already on the wire
        // when the 429 came back may land a moment after it).
        var pauseEnds = refused.CompletedTimestamp + (long)(3 * Stopwatch.Frequency);
        Assert.True(welcome.ReceivedTimestamp < pauseEnds, "the /start waited for the paid lane's pause");
        await Eventually.TrueAsync(() => Alerts(server).Count() >= 300, within: Wait);
        var onTheWire = refused.CompletedTimestamp + Stopwatch.Frequency / 2;
        Assert.DoesNotContain(Alerts(server), m => m.ReceivedTimestamp > onTheWire && m.ReceivedTimestamp < pauseEnds - Stopwatch.Frequency / 10);
        Assert.Equal(1, await Scrape.MetricAsync(bot, "bot_telegram_throttled_total"));
    }

    private async Task<BotUnderTest> StartAsync(FakeBotApiServer server) => await BotUnderTest.StartAsync(provider, server, s =>
    {
        s.Configuration["Bot:Admins:0"] = AdminA.ToString(CultureInfo.InvariantCulture);
        s.Configuration["Bot:Admins:1"] = AdminB.ToString(CultureInfo.InvariantCulture);
        s.Configuration["Delivery:PaidBroadcast"] = "true";
        s.Configuration["Delivery:PaidRatePerSecond"] = PaidRate.ToString(CultureInfo.InvariantCulture);
        s.Configuration["Delivery:GlobalRatePerSecond"] = "25";
        s.Configuration["Delivery:PerChatIntervalMs"] = "1000";
        s.Configuration["Delivery:MaxParallelSends"] = "16";
    });

    private static IEnumerable<SentMessage> Alerts(FakeBotApiServer server) => server.Sent.Where(m => m.ChatId is >= FirstSubscriber and < FirstSubscriber + Subscribers);

    private static Task SeedSubscribersAsync(IDatabase database, int count = Subscribers) => database.InTransactionAsync(async ct =>
    {
        var chats = Enumerable.Range(0, count).Select(i => new { Id = FirstSubscriber + i }).ToList();
        await database.ExecuteAsync("INSERT INTO chats (chat_id, kind, user_id, first_name, language, status, status_at, created_at, updated_at) VALUES (@Id, 'private', @Id, 'User', 'en', 'active', 0, 0, 0)", chats, ct);
        await database.ExecuteAsync("INSERT INTO subscriptions (chat_id, topic, since) VALUES (@Id, 'alerts', 0)", chats, ct);
    }, CancellationToken.None);
}

public sealed class PaidBroadcastTestsOnSqlite() : PaidBroadcastTests(StorageProvider.Sqlite);

public sealed class PaidBroadcastTestsOnPostgres() : PaidBroadcastTests(StorageProvider.Postgres);
