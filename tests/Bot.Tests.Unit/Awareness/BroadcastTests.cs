using Bot.Tests.Unit.Support;
using Bot.Worker.Awareness;
using Bot.Worker.Storage;
using Dapper;

namespace Bot.Tests.Unit.Awareness;

/// <summary>Broadcast enqueueing in batches: audience, tip rotation, quiet hours, resuming after a crash.</summary>
public sealed class BroadcastTests
{
    private static readonly DateTimeOffset TenAm = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero); // 10:00 Shanghai

    [Fact]
    public async Task Every_active_subscriber_of_the_topic_gets_one_row_and_no_one_else()
    {
        await using var bot = await WorkerServices.StartAsync("teams: []", TenAm);
        await SeedAsync(bot, 2500, topic: "tips");
        await ExecAsync(bot, "UPDATE chats SET status = 'blocked' WHERE chat_id % 100 = 7");
        await ExecAsync(bot, "INSERT INTO chats (chat_id, status, status_at, created_at, updated_at) VALUES (1, 'active', 0, 0, 0)");

        var id = await CampaignAsync(bot);

        Assert.Equal(2475, await bot.ScalarAsync("SELECT COUNT(*) FROM outbox WHERE broadcast_id = @id", new { id }));
        Assert.Equal(2475, await bot.ScalarAsync("SELECT COUNT(DISTINCT chat_id) FROM outbox"));
        Assert.Equal(0, await bot.ScalarAsync("SELECT COUNT(*) FROM outbox WHERE chat_id % 100 = 7 OR chat_id = 1"));
        Assert.Equal(BroadcastState.Enqueued, (await bot.Get<BroadcastStore>().FindAsync(id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Tip_rotation_gives_each_subscriber_their_next_tip_and_starts_over_after_the_last()
    {
        await using var bot = await WorkerServices.StartAsync("teams: []", TenAm);
        await SeedAsync(bot, 3, topic: "tips");
        var tips = bot.Get<Bot.Worker.Templating.TipLibrary>().Tips;
        await ExecAsync(bot, "INSERT INTO tip_history (chat_id, tip_id, at) VALUES (100001, @Id, 0)", new { tips[0].Id });
        foreach (var tip in tips)
        {
            await ExecAsync(bot, "INSERT INTO tip_history (chat_id, tip_id, at) VALUES (100002, @Id, 0)", new { tip.Id });
        }

        await CampaignAsync(bot);

        var texts = (await QueryAsync(bot, "SELECT chat_id, text FROM outbox ORDER BY chat_id")).ToDictionary(r => r.ChatId, r => r.Text);
        Assert.Contains("tip 1 of 34", texts[100000], StringComparison.Ordinal);
        Assert.Contains("tip 2 of 34", texts[100001], StringComparison.Ordinal);
        Assert.Contains("tip 1 of 34", texts[100002], StringComparison.Ordinal);
        Assert.Equal(1, await bot.ScalarAsync("SELECT COUNT(*) FROM tip_history WHERE chat_id = 100002"));
    }

    [Fact]
    public async Task Quiet_hours_defer_tips_to_the_end_of_the_window_but_not_alerts()
    {
        await using var bot = await WorkerServices.StartAsync("teams: []", TenAm);
        await SeedAsync(bot, 2, topic: "tips");
        await SeedAsync(bot, 2, topic: "alerts", first: 100000);
        await ExecAsync(bot, "UPDATE chats SET quiet_start = 1320, quiet_end = 630, quiet_zone = 'Asia/Shanghai' WHERE chat_id = 100000"); // 22:00-10:30

        await CampaignAsync(bot);
        var alert = await bot.Get<BroadcastService>().ProposeAlertAsync("alerts", "alert", null, 42, "alert:test", CancellationToken.None);
        await bot.Get<BroadcastService>().DecideAsync(alert, 43, approve: true, CancellationToken.None);
        await bot.Get<BroadcastEnqueuer>().RunAsync(alert, CancellationToken.None);

        var rows = await bot.Get<IDatabase>().OpenAsync(CancellationToken.None);
        await using var _ = rows;
        var deferred = await rows.QueryAsync<(long ChatId, string Kind, string State, long NotBefore)>("SELECT chat_id, kind, state, not_before FROM outbox ORDER BY id");
        var byKey = deferred.ToList();
        Assert.Contains(byKey, r => r is { ChatId: 100000, Kind: "awareness-tip", State: "deferred" } && r.NotBefore == TenAm.AddMinutes(30).ToUnixTimeMilliseconds());
        Assert.Contains(byKey, r => r is { ChatId: 100001, Kind: "awareness-tip", State: "pending" });
        Assert.Contains(byKey, r => r is { ChatId: 100000, Kind: "alert", State: "pending" });
    }

    [Fact]
    public async Task An_interrupted_enqueue_resumes_after_its_last_committed_batch()
    {
        await using var bot = await WorkerServices.StartAsync("teams: []", TenAm);
        await SeedAsync(bot, 2500, topic: "tips");
        var id = await CampaignAsync(bot, run: false);
        // As if the worker died after committing the first batch of 1,000.
        await ExecAsync(bot, "UPDATE broadcasts SET state = 'enqueuing', cursor_chat_id = 100999, total = 1000 WHERE id = @id", new { id });

        await bot.Get<BroadcastEnqueuer>().RunAsync(id, CancellationToken.None);

        Assert.Equal(1500, await bot.ScalarAsync("SELECT COUNT(*) FROM outbox"));
        Assert.Equal(101000, await bot.ScalarAsync("SELECT MIN(chat_id) FROM outbox"));
        Assert.Equal(2500, await bot.ScalarAsync("SELECT total FROM broadcasts WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task An_alert_footer_names_the_topic_it_was_sent_to()
    {
        await using var bot = await WorkerServices.StartAsync("teams: []", TenAm);
        await SeedAsync(bot, 1, topic: "tips");
        var alert = await bot.Get<BroadcastService>().ProposeAlertAsync("tips", "alert", null, 42, "alert:tips", CancellationToken.None);
        await bot.Get<BroadcastService>().DecideAsync(alert, 43, approve: true, CancellationToken.None);

        await bot.Get<BroadcastEnqueuer>().RunAsync(alert, CancellationToken.None);

        var text = Assert.Single(await QueryAsync(bot, "SELECT chat_id, text FROM outbox WHERE kind = 'alert'")).Text;
        Assert.Contains("/unsubscribe tips", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/unsubscribe alerts", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(22 * 60, 7 * 60, "2026-11-24T23:00:00+08:00", "2026-11-25T07:00:00+08:00")]
    [InlineData(22 * 60, 7 * 60, "2026-11-24T06:59:00+08:00", "2026-11-24T07:00:00+08:00")]
    [InlineData(22 * 60, 7 * 60, "2026-11-24T07:00:00+08:00", null)]
    [InlineData(9 * 60, 17 * 60, "2026-11-24T12:00:00+08:00", "2026-11-24T17:00:00+08:00")]
    [InlineData(9 * 60, 17 * 60, "2026-11-24T08:00:00+08:00", null)]
    public void Quiet_windows_may_wrap_midnight(int start, int end, string now, string? until) =>
        Assert.Equal(until is null ? null : DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture),
            QuietHours.DeferUntil(start, end, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    private static async Task<long> CampaignAsync(WorkerServices bot, bool run = true)
    {
        var (id, _) = await bot.Get<BroadcastStore>().CreateAsync(new Broadcast
        {
            RunKey = "campaign:test@1", Kind = BroadcastKind.Campaign, CampaignId = "test", Topic = "tips", Template = "awareness-tip", Rotate = "tips",
        }, CancellationToken.None);
        if (run)
        {
            await bot.Get<BroadcastEnqueuer>().RunAsync(id, CancellationToken.None);
        }
        return id;
    }

    private static async Task SeedAsync(WorkerServices bot, int count, string topic, long first = 100000)
    {
        var chats = Enumerable.Range(0, count).Select(i => new { Id = first + i, topic });
        await ExecAsync(bot, "INSERT INTO chats (chat_id, user_id, language, status, status_at, created_at, updated_at) VALUES (@Id, @Id, 'en', 'active', 0, 0, 0) ON CONFLICT DO NOTHING", chats);
        await ExecAsync(bot, "INSERT INTO subscriptions (chat_id, topic, since) VALUES (@Id, @topic, 0)", chats);
    }

    private static async Task ExecAsync(WorkerServices bot, string sql, object? args = null)
    {
        await using var connection = await bot.Get<IDatabase>().OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql, args);
    }

    private static async Task<List<(long ChatId, string Text)>> QueryAsync(WorkerServices bot, string sql)
    {
        await using var connection = await bot.Get<IDatabase>().OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<(long, string)>(sql)).AsList();
    }
}
