using System.Globalization;
using Bot.FakeTelegram;
using Bot.Tests.Integration.Support;
using Bot.Worker.Storage;

namespace Bot.Tests.Integration.Web;

/// <summary>/metrics of the real worker host against the fake Bot API server, after real sends.</summary>
[Collection(nameof(MetricsRunAlone))]
public sealed class MetricsTests
{
    private const int Subscribers = 40;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sent_total_over_all_priorities_equals_what_the_bot_api_received_after_a_broadcast()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = RepoPaths.NewTempDirectory("bot-metrics");
        IDatabase database = await WorkerProcess.MigratedDatabaseAsync(directory);
        await SeedBroadcastAsync(database);
        await using var bot = await BotUnderTest.StartAsync(server, directory: directory);

        await bot.WaitForAsync("SELECT COUNT(*) FROM outbox WHERE state = 'sent'", (long)Subscribers);
        var received = await Eventually.QuietSentCountAsync(server);

        Assert.Equal(Subscribers, received);
        Assert.Equal(received, await Scrape.MetricAsync(bot, "bot_outbox_sent_total"));
        Assert.Equal(0, await Scrape.MetricAsync(bot, "bot_outbox_pending"));
    }

    [Fact]
    public async Task A_429_from_the_bot_api_is_counted_as_throttled()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(server);
        server.FailNext("sendMessage", 429, "Too Many Requests: retry after 1", retryAfter: 1);

        await bot.EnqueueAsync("throttled-1", 7001, "Hello");
        await bot.WaitForAsync("SELECT state FROM outbox WHERE idem_key = 'throttled-1'", "sent");

        Assert.Equal(1, await Scrape.MetricAsync(bot, "bot_telegram_throttled_total"));
        Assert.Equal(1, await Scrape.MetricAsync(bot, "bot_outbox_sent_total"));
    }

    [Fact]
    public async Task The_failed_and_throttled_counters_are_exported_at_zero_before_their_first_event()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(server);

        var (status, body) = await Scrape.GetAsync(bot, "/metrics");

        Assert.Equal(200, status);
        var failed = Scrape.Samples(body, "bot_outbox_failed_total");
        // One series per channel and final state, each at 0.
        foreach (var channel in new[] { "telegram", "robot", "email" })
        {
            foreach (var state in new[] { "blocked", "failed", "expired" })
            {
                Assert.Equal(0, Assert.Single(failed, s => s.Labels.Contains($"channel=\"{channel}\"", StringComparison.Ordinal)
                    && s.Labels.Contains($"state=\"{state}\"", StringComparison.Ordinal)).Value);
            }
        }
        Assert.Equal(9, failed.Count);
        Assert.Equal(0, Assert.Single(Scrape.Samples(body, "bot_telegram_throttled_total")).Value);
    }

    [Fact]
    public async Task The_metrics_name_the_bot_as_their_service_and_the_cluster_node_as_its_instance()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(server, s => s.Configuration["Cluster:NodeId"] = "metrics-node-7");

        var (_, body) = await Scrape.GetAsync(bot, "/metrics");

        var target = Assert.Single(Scrape.Samples(body, "target_info")).Labels;
        Assert.Contains("service_name=\"anti-fraud-bot\"", target, StringComparison.Ordinal);
        Assert.Contains("service_instance_id=\"metrics-node-7\"", target, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown_service", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reminder_sent_records_its_lateness()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = RepoPaths.NewTempDirectory("bot-metrics");
        var deadlines = Path.Combine(directory, "deadlines.yaml");
        await using var bot = await BotUnderTest.StartAsync(server, s => s.Configuration["Bot:DeadlinesFile"] = deadlines, directory);
        Assert.Equal(0, await Scrape.MetricAsync(bot, "bot_reminder_lateness_seconds_count"));
        // Written after start-up: the file is reloaded and the seconds-scale ladder starts now.
        WriteDeadline(deadlines, DateTimeOffset.UtcNow.AddSeconds(3), "remind: [1s]");

        await server.WaitForMessagesAsync(6002, 1, Wait);
        await Eventually.TrueAsync(async () => await Scrape.MetricAsync(bot, "bot_reminder_lateness_seconds_count") > 0, Wait);

        var lateness = await Scrape.MetricAsync(bot, "bot_reminder_lateness_seconds_sum");
        Assert.InRange(lateness, 0, 30);
    }

    private static void WriteDeadline(string path, DateTimeOffset due, string ladder)
    {
        var local = TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        File.WriteAllText(path, $"""
            time_zone: Asia/Shanghai
            teams:
              - id: fraud
                name: Fraud desk
                lead: 6001
                members: [6001, 6002]
            deadlines:
              - id: quarterly
                title: Quarterly fraud report
                team: fraud
                due: {local}
                {ladder}
            """);
    }

    /// <summary>Subscribers of tips and an approved campaign run: the worker sends it as soon as it starts.</summary>
    private static Task SeedBroadcastAsync(IDatabase database) => database.InTransactionAsync(async ct =>
    {
        var chats = Enumerable.Range(0, Subscribers).Select(i => new { Id = 700_000L + i }).ToList();
        await database.ExecuteAsync("INSERT INTO chats (chat_id, kind, user_id, first_name, language, status, status_at, created_at, updated_at) VALUES (@Id, 'private', @Id, 'User', 'en', 'active', 0, 0, 0)", chats, ct);
        await database.ExecuteAsync("INSERT INTO subscriptions (chat_id, topic, since) VALUES (@Id, 'tips', 0)", chats, ct);
        await database.ExecuteAsync("""
            INSERT INTO broadcasts (run_key, kind, campaign_id, topic, template, rotate, state, created_at)
            VALUES ('campaign:weekly-tip@1', 'campaign', 'weekly-tip', 'tips', 'awareness-tip', 'tips', 'approved', 0)
            """, null, ct);
    }, CancellationToken.None);
}
