using Bot.FakeRobots;
using Bot.Worker.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Integration.Channels;

/// <summary>The real robot clients against fake WeCom, DingTalk and Feishu robots that check keys, signatures, timestamps and limits.</summary>
public sealed class RobotClientTests
{
    private const string Reminder = "<b>⏰ Deadline reminder: Monthly report</b>\nDue: <b>2026-12-10 17:00</b>\n<a href=\"https://bot.example.cn/ack/abc\">Done</a>";

    [Fact]
    public async Task A_WeCom_post_arrives_as_markdown()
    {
        await using var bed = await RobotTestBed.StartAsync();
        var robot = bed.Robot(RobotKind.WeCom);

        var result = await bed.SendAsync(bed.Channel(robot), Reminder);

        Assert.Equal(ChannelResult.Sent(), result);
        var post = Assert.Single(bed.Server.Accepted(FakeRobotKind.WeCom));
        Assert.Equal("**⏰ Deadline reminder: Monthly report**\nDue: **2026-12-10 17:00**\n[Done](https://bot.example.cn/ack/abc)", post.Text);
        bed.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task A_signed_DingTalk_post_arrives_with_its_title()
    {
        await using var bed = await RobotTestBed.StartAsync();
        var robot = bed.Robot(RobotKind.DingTalk);

        var result = await bed.SendAsync(bed.Channel(robot), Reminder);

        Assert.Equal(ChannelOutcome.Sent, result.Outcome);
        var post = Assert.Single(bed.Server.Accepted(FakeRobotKind.DingTalk));
        Assert.Equal("⏰ Deadline reminder: Monthly report", (string?)post.Body!["markdown"]!["title"]);
        Assert.Contains("&timestamp=", post.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("&sign=", post.PathAndQuery, StringComparison.Ordinal);
        bed.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task A_signed_Feishu_post_arrives_as_rich_text()
    {
        await using var bed = await RobotTestBed.StartAsync();
        var robot = bed.Robot(RobotKind.Feishu);

        var result = await bed.SendAsync(bed.Channel(robot), Reminder);

        Assert.Equal(ChannelOutcome.Sent, result.Outcome);
        var post = Assert.Single(bed.Server.Accepted(FakeRobotKind.Feishu));
        Assert.Equal("⏰ Deadline reminder: Monthly report\nDue: 2026-12-10 17:00\nDone", post.Text);
        Assert.Equal("https://bot.example.cn/ack/abc", (string?)post.Body!["content"]!["post"]!["zh_cn"]!["content"]![1]![0]!["href"]);
        bed.AssertNoSecretLeaked();
    }

    [Theory]
    [InlineData(RobotKind.WeCom, "WeCom 93000")]
    [InlineData(RobotKind.DingTalk, "DingTalk 300001")]
    [InlineData(RobotKind.Feishu, "Feishu 19001")]
    public async Task A_bad_key_fails_at_once_with_one_log_line_naming_the_robot(RobotKind kind, string reason)
    {
        await using var bed = await RobotTestBed.StartAsync();
        var good = bed.Robot(kind, name: "netsec-ops");
        var unknownToken = "tok" + Guid.NewGuid().ToString("N");
        bed.Secrets.Add(unknownToken);
        var robot = good with { Url = good.Url.Replace(bed.Secrets[^3], unknownToken, StringComparison.Ordinal) };

        var result = await bed.SendAsync(bed.Channel(robot), Reminder);

        Assert.Equal(ChannelOutcome.Failed, result.Outcome);
        Assert.StartsWith(reason, result.Reason, StringComparison.Ordinal);
        var line = Assert.Single(bed.Log.Errors);
        Assert.Contains("netsec-ops", line, StringComparison.Ordinal);
        Assert.Empty(bed.Server.Accepted((FakeRobotKind)kind));
        bed.AssertNoSecretLeaked();
    }

    [Theory]
    [InlineData(RobotKind.DingTalk, "DingTalk 310000")]
    [InlineData(RobotKind.Feishu, "Feishu 19021")]
    public async Task A_bad_signature_fails_at_once(RobotKind kind, string reason)
    {
        await using var bed = await RobotTestBed.StartAsync();
        var robot = bed.Robot(kind) with { Secret = "SEC-not-the-robots-secret" };
        bed.Secrets.Add(robot.Secret);

        var result = await bed.SendAsync(bed.Channel(robot), Reminder);

        Assert.Equal(ChannelOutcome.Failed, result.Outcome);
        Assert.StartsWith(reason, result.Reason, StringComparison.Ordinal);
        Assert.Single(bed.Log.Errors);
        bed.AssertNoSecretLeaked();
    }

    [Theory]
    [InlineData(RobotKind.DingTalk, "DingTalk 310000")]
    [InlineData(RobotKind.Feishu, "Feishu 19021")]
    public async Task An_unsigned_post_to_a_signing_robot_fails(RobotKind kind, string reason)
    {
        await using var bed = await RobotTestBed.StartAsync();
        var robot = bed.Robot(kind) with { Secret = "" };

        var result = await bed.SendAsync(bed.Channel(robot), Reminder);

        Assert.Equal(ChannelOutcome.Failed, result.Outcome);
        Assert.StartsWith(reason, result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RobotKind.DingTalk)]
    [InlineData(RobotKind.Feishu)]
    public async Task A_timestamp_more_than_an_hour_off_fails(RobotKind kind)
    {
        await using var bed = await RobotTestBed.StartAsync();
        var robot = bed.Robot(kind);
        var lateClock = new FakeTimeProvider(bed.Clock.GetUtcNow().AddMinutes(-61));
        var client = kind == RobotKind.DingTalk ? (IRobotClient)new DingTalkRobotClient(new RobotPoster(new HttpClient(), lateClock, bed.Log)) : new FeishuRobotClient(new RobotPoster(new HttpClient(), lateClock, bed.Log));
        var fresh = await bed.SendAsync(bed.Channel(robot), Reminder);

        var stale = await client.PostAsync(robot, client.Bodies(Reminder)[0], CancellationToken.None);

        Assert.Equal(ChannelOutcome.Sent, fresh.Outcome);
        Assert.Equal(ChannelOutcome.Failed, stale.Outcome);
        Assert.DoesNotContain(bed.Secrets, s => s.Length > 0 && stale.ToString().Contains(s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WeCom_over_20_a_minute_is_deferred_a_minute()
    {
        await using var bed = await RobotTestBed.StartAsync();
        var robot = bed.Robot(RobotKind.WeCom);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(ChannelOutcome.Sent, (await bed.PostAsync(robot, $"reminder {i}")).Outcome);
        }

        var result = await bed.PostAsync(robot, "one too many");

        Assert.Equal(ChannelOutcome.Deferred, result.Outcome);
        Assert.StartsWith("WeCom 45009", result.Reason, StringComparison.Ordinal);
        Assert.Equal(bed.Clock.GetUtcNow().AddMinutes(1), result.RetryAt);
        bed.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(ChannelOutcome.Sent, (await bed.PostAsync(robot, "later")).Outcome);
        bed.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task DingTalk_over_20_a_minute_is_deferred_for_its_10_minute_block()
    {
        await using var bed = await RobotTestBed.StartAsync();
        var robot = bed.Robot(RobotKind.DingTalk);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(ChannelOutcome.Sent, (await bed.PostAsync(robot, $"reminder {i}")).Outcome);
        }

        var result = await bed.PostAsync(robot, "one too many");
        bed.Clock.Advance(TimeSpan.FromMinutes(2));
        var stillBlocked = await bed.PostAsync(robot, "after two minutes");
        bed.Clock.Advance(TimeSpan.FromMinutes(8));
        var after = await bed.PostAsync(robot, "after the block");

        Assert.Equal(ChannelOutcome.Deferred, result.Outcome);
        Assert.StartsWith("DingTalk 130101", result.Reason, StringComparison.Ordinal);
        Assert.Equal(bed.Clock.GetUtcNow().AddMinutes(-10).AddMinutes(10), result.RetryAt);
        Assert.Equal(ChannelOutcome.Deferred, stillBlocked.Outcome);
        Assert.Equal(ChannelOutcome.Sent, after.Outcome);
        bed.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task Feishu_over_5_a_second_is_deferred()
    {
        await using var bed = await RobotTestBed.StartAsync();
        var robot = bed.Robot(RobotKind.Feishu);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(ChannelOutcome.Sent, (await bed.PostAsync(robot, $"reminder {i}")).Outcome);
        }

        var result = await bed.PostAsync(robot, "one too many");
        bed.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(ChannelOutcome.Deferred, result.Outcome);
        Assert.StartsWith("Feishu 11232", result.Reason, StringComparison.Ordinal);
        Assert.Equal(ChannelOutcome.Sent, (await bed.PostAsync(robot, "a second later")).Outcome);
        bed.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task The_robots_limiter_keeps_posts_under_the_apps_limit_and_defers_the_rest_without_posting()
    {
        await using var bed = await RobotTestBed.StartAsync();
        var robot = bed.Robot(RobotKind.WeCom);
        var channel = bed.Channel(robot);
        var start = bed.Clock.GetUtcNow();

        var results = new List<ChannelResult>();
        for (var i = 0; i < 30; i++)
        {
            results.Add(await bed.SendAsync(channel, $"reminder {i}"));
        }

        Assert.Equal(20, results.Count(r => r.Outcome == ChannelOutcome.Sent));
        Assert.All(results.Skip(20), r => Assert.Equal(start.AddMinutes(1) + ChannelLimiter.Margin, r.RetryAt));
        Assert.Equal(20, bed.Server.Posts.Count);
        Assert.DoesNotContain(bed.Server.Posts, p => p.Code == 45009);
    }

    [Fact]
    public async Task A_rate_error_from_the_app_pauses_the_robot_in_its_channel()
    {
        await using var bed = await RobotTestBed.StartAsync();
        var robot = bed.Robot(RobotKind.Feishu);
        var channel = bed.Channel(robot);
        bed.Server.AnswerNext(FakeRobotKind.Feishu, 11232, "frequency limited");

        var first = await bed.SendAsync(channel, "one");
        var second = await bed.SendAsync(channel, "two");

        Assert.Equal(ChannelOutcome.Deferred, first.Outcome);
        Assert.Equal(ChannelOutcome.Deferred, second.Outcome);
        Assert.Equal(first.RetryAt, second.RetryAt);
        Assert.Single(bed.Server.Posts);
    }

    [Theory]
    [InlineData(RobotKind.WeCom)]
    [InlineData(RobotKind.DingTalk)]
    [InlineData(RobotKind.Feishu)]
    public async Task A_5xx_is_transient(RobotKind kind)
    {
        await using var bed = await RobotTestBed.StartAsync();
        var robot = bed.Robot(kind);
        bed.Server.FailNext(502);

        var result = await bed.SendAsync(bed.Channel(robot), Reminder);

        Assert.Equal(ChannelResult.Transient("HTTP 502"), result);
        Assert.Equal(ChannelOutcome.Sent, (await bed.SendAsync(bed.Channel(robot), Reminder)).Outcome);
        bed.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task A_robot_nobody_answers_for_is_transient_and_its_url_is_not_in_the_reason()
    {
        await using var bed = await RobotTestBed.StartAsync();
        var token = "tok" + Guid.NewGuid().ToString("N");
        bed.Secrets.Add(token);
        var robot = new RobotEndpoint("gone", RobotKind.Feishu, $"http://127.0.0.1:{LoopbackSmtpServer.FreePort()}/open-apis/bot/v2/hook/{token}", "");

        var result = await bed.SendAsync(bed.Channel(robot), Reminder);

        Assert.Equal(ChannelOutcome.Transient, result.Outcome);
        Assert.Contains("HttpRequestException", result.Reason, StringComparison.Ordinal);
        Assert.Contains(bed.Log.Lines, l => l.Contains("gone", StringComparison.Ordinal));
        bed.AssertNoSecretLeaked();
    }
}
