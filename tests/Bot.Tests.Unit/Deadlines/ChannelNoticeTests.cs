using Bot.Tests.Unit.Support;
using Bot.Worker.Deadlines;
using Bot.Worker.Delivery;
using Bot.Worker.Storage;
using Dapper;

namespace Bot.Tests.Unit.Deadlines;

/// <summary>Deadline messages to every channel of a team: each member's, the group chat's and the robots', each its own outbox row and evidence line.</summary>
public sealed class ChannelNoticeTests
{
    private const string Yaml = """
        time_zone: Asia/Shanghai
        teams:
          - id: netsec
            name: Network security team
            lead: wang.wei@example.cn
            members:
              - 1001
              - { telegram: 1002, email: li.na@example.cn }
              - { email: wang.wei@example.cn, name: Wang Wei }
            group: -100500
            robots: [netsec-wecom]
        deadlines:
          - id: report
            title: Report the suspension results
            team: netsec
            due: 2026-12-03T17:00
            remind: [1d, 2h]
            escalate_after: 1h
        """;

    private static readonly Dictionary<string, string> Channels = new()
    {
        ["Channels:Robots:netsec-wecom:Kind"] = "WeCom",
        ["Channels:Robots:netsec-wecom:Url"] = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=0a1b2c3d-key",
        ["Email:Host"] = "smtp.example.cn",
        ["Email:From"] = "Reminder bot <bot@example.cn>",
        ["Bot:DefaultLanguage"] = "en",
    };

    private static readonly long Wang = DeliveryRoute.EmailId("wang.wei@example.cn");

    [Fact]
    public async Task A_reminder_goes_to_each_channel_with_its_own_key_and_evidence_and_a_held_email_beside_telegram()
    {
        await using var bot = await WorkerServices.StartAsync(Yaml, DeadlineFlowTests.Start, configuration: Channels);
        var occurrence = (await bot.OccurrencesAsync("report")).Single();

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        await bot.RunAsync(occurrence.Id, "remind:1d");

        var key = ReminderKey.Format(occurrence.Id, "remind:1d", new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds());
        var rows = await RowsAsync(bot);
        Assert.Equal(
        [
            ($"{key}:1001", "telegram", "pending", null),
            ($"{key}:1002", "telegram", "pending", null),
            ($"{key}:email:li.na@example.cn", "email", "held", $"{key}:1002"),
            ($"{key}:email:wang.wei@example.cn", "email", "pending", null),
            ($"{key}:-100500", "telegram", "pending", null),
            ($"{key}:robot:netsec-wecom", "robot", "pending", null),
        ], rows.Select(r => (r.Key, r.Channel, r.State, r.FallbackOf)));
        var robot = rows.Single(r => r.Channel == "robot");
        Assert.Contains("Report the suspension results", robot.DigestLine, StringComparison.Ordinal);
        Assert.Equal(DeliveryRoute.RobotId("netsec-wecom"), robot.ChatId);
        Assert.Equal("wang.wei@example.cn Wang Wei", rows.Single(r => r.Key.EndsWith("wang.wei@example.cn", StringComparison.Ordinal)).Address);
        Assert.Equal(5, await bot.ScalarAsync("SELECT COUNT(*) FROM occurrence_events WHERE kind = 'reminded'"));
        Assert.Equal(1, await bot.ScalarAsync("SELECT COUNT(*) FROM occurrence_events WHERE kind = 'reminded' AND user_id = @Wang AND detail = 'email wang.wei@example.cn'", new { Wang }));
        Assert.Equal(1, await bot.ScalarAsync("SELECT COUNT(*) FROM occurrence_events WHERE kind = 'reminded' AND user_id IS NULL AND detail = 'robot netsec-wecom'"));
    }

    [Fact]
    public async Task A_member_whose_chat_is_blocked_gets_email_at_once_and_the_email_lead_gets_the_escalation()
    {
        await using var bot = await WorkerServices.StartAsync(Yaml, DeadlineFlowTests.Start, configuration: Channels);
        var occurrence = (await bot.OccurrencesAsync("report")).Single();
        await using (var connection = await bot.Get<IDatabase>().OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("INSERT INTO chats (chat_id, user_id, status, status_at, created_at, updated_at) VALUES (1002, 1002, 'blocked', 0, 0, 0)");
        }

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 7, 0, 0, TimeSpan.Zero)); // 2h before 17:00 in Shanghai
        await bot.RunAsync(occurrence.Id, "remind:2h");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        await bot.RunAsync(occurrence.Id, "escalate");

        var rows = await RowsAsync(bot);
        Assert.DoesNotContain(rows, r => r.ChatId == 1002);
        Assert.Single(rows, r => r.Kind == "deadline-reminder" && r.Key.EndsWith(":email:li.na@example.cn", StringComparison.Ordinal) && r.State == "pending");
        Assert.Equal(1, await bot.ScalarAsync("SELECT COUNT(*) FROM occurrence_events WHERE detail = 'email li.na@example.cn (the Telegram chat is blocked)'"));
        Assert.Equal(
            [$"dl:{occurrence.Id}:escalate:1:email:wang.wei@example.cn", $"dl:{occurrence.Id}:escalate:1:robot:netsec-wecom"],
            rows.Where(r => r.Kind == "deadline-overdue").Select(r => r.Key));
    }

    [Fact]
    public async Task Done_by_a_member_known_only_by_email_closes_it_for_every_channel_and_the_evidence_says_so()
    {
        await using var bot = await WorkerServices.StartAsync(Yaml, DeadlineFlowTests.Start, configuration: Channels);
        var occurrence = (await bot.OccurrencesAsync("report")).Single();

        Assert.Equal(DoneOutcome.Done, await bot.Get<DeadlineActions>().DoneAsync(occurrence, Wang, "via email", CancellationToken.None));

        var closed = (await RowsAsync(bot)).Where(r => r.Kind == "deadline-closed").ToList();
        Assert.Equal(["telegram/pending", "telegram/pending", "email/held", "email/pending", "telegram/pending", "robot/pending"], closed.Select(r => r.Channel + "/" + r.State));
        Assert.Contains("closed by Wang Wei", closed.Single(r => r.Channel == "robot").DigestLine, StringComparison.Ordinal);
        Assert.Equal(1, await bot.ScalarAsync("SELECT COUNT(*) FROM occurrence_events WHERE kind = 'acknowledged' AND user_id = @Wang AND detail = 'via email'", new { Wang }));
        Assert.Equal("Wang Wei", await bot.Get<MemberNames>().NameAsync(Wang, CancellationToken.None));
    }

    private static async Task<List<Row>> RowsAsync(WorkerServices bot)
    {
        await using var connection = await bot.Get<IDatabase>().OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<Row>(
            "SELECT idem_key AS Key, chat_id AS ChatId, channel, address, state, kind, digest_line AS DigestLine, fallback_of AS FallbackOf FROM outbox ORDER BY id")).AsList();
    }

    private sealed record Row
    {
        public string Key { get; init; } = "";
        public long ChatId { get; init; }
        public string Channel { get; init; } = "";
        public string? Address { get; init; }
        public string State { get; init; } = "";
        public string Kind { get; init; } = "";
        public string? DigestLine { get; init; }
        public string? FallbackOf { get; init; }
    }
}
