using Bot.Tests.Unit.Support;
using Bot.Worker.Channels;
using Bot.Worker.Delivery;
using Bot.Worker.Transport;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Unit.Delivery;

/// <summary>Rows for a group robot or an email address through the one dispatcher: their own limits, digests, fallbacks; Telegram's gate not in their way.</summary>
public sealed class ChannelRouteTests
{
    private const string Robot = "netsec-wecom";

    [Fact]
    public async Task More_reminders_than_a_robot_lets_out_now_go_as_one_digest_and_later_ones_alone()
    {
        var (bot, client) = await StartAsync(perMinute: 3);
        await using var _ = bot;
        for (var i = 0; i < 8; i++)
        {
            await EnqueueRobotAsync(bot, $"r{i}", $"<b>Reminder {i}</b>", digest: true);
        }

        await bot.StartDispatcherAsync();
        await bot.SettleAsync();

        var digest = Assert.Single(client.Posts);
        Assert.Contains("**8 reminders**", digest, StringComparison.Ordinal);
        Assert.All(Enumerable.Range(0, 8), i => Assert.Contains($"line {i}", digest, StringComparison.Ordinal));
        Assert.Equal(8, await bot.CountAsync("channel = 'robot' AND state = 'sent'"));

        await EnqueueRobotAsync(bot, "r8", "<b>Reminder 8</b>", digest: true);
        await EnqueueRobotAsync(bot, "r9", "<b>Reminder 9</b>", digest: true);
        await bot.SettleAsync();

        Assert.Equal(["**Reminder 8**", "**Reminder 9**"], client.Posts.Skip(1));
    }

    [Fact]
    public async Task A_robot_over_its_limit_waits_alone_while_telegram_goes_on()
    {
        var (bot, client) = await StartAsync(perMinute: 1);
        await using var _ = bot;
        await EnqueueRobotAsync(bot, "r1", "one");
        await EnqueueRobotAsync(bot, "r2", "two");
        await bot.EnqueueAsync("t1", 7, "telegram");

        await bot.StartDispatcherAsync();
        await bot.SettleAsync();

        Assert.Equal(["one"], client.Posts);
        Assert.Single(bot.Transport.Sent);
        Assert.Equal("pending", await bot.StateOfAsync("r2"));

        await bot.AdvanceAsync(TimeSpan.FromSeconds(61));
        Assert.Equal(["one", "two"], client.Posts);
    }

    [Fact]
    public async Task A_telegram_429_pauses_telegram_but_not_the_robots()
    {
        var (bot, client) = await StartAsync(perMinute: 20);
        await using var _ = bot;
        bot.Transport.Script(SendResult.Failed(SendOutcome.RateLimited, "Too Many Requests: retry after 30", TimeSpan.FromSeconds(30)));
        await bot.EnqueueAsync("t1", 7, "first");
        await bot.StartDispatcherAsync();
        await bot.SettleAsync();
        await bot.EnqueueAsync("t2", 8, "second");
        await EnqueueRobotAsync(bot, "r1", "robot");

        await bot.SettleAsync();

        Assert.Equal(["robot"], client.Posts);
        Assert.Empty(bot.Transport.Sent);
        await bot.AdvanceAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, bot.Transport.Sent.Count);
    }

    [Fact]
    public async Task A_robots_rate_error_defers_its_row_alone_and_keeps_the_parts_that_went()
    {
        var (bot, client) = await StartAsync(perMinute: 20);
        await using var _ = bot;
        var long1 = string.Join("\n\n", Enumerable.Range(0, 3).Select(i => $"part {i} " + new string('x', 3000)));
        client.Script(ChannelResult.Sent());
        client.Script(ChannelResult.Deferred(bot.Clock.GetUtcNow().AddMinutes(1), "WeCom 45009: over the robot's limit"));
        await EnqueueRobotAsync(bot, "long", long1);
        await bot.EnqueueAsync("t1", 7, "telegram");

        await bot.StartDispatcherAsync();
        await bot.SettleAsync();

        Assert.Equal("deferred", await bot.StateOfAsync("long"));
        Assert.Equal(1, await bot.CountAsync("idem_key = 'long' AND parts_sent = 1"));
        Assert.Single(bot.Transport.Sent);

        await bot.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal("sent", await bot.StateOfAsync("long"));
        Assert.Equal(2, client.Posts.Count);
        Assert.StartsWith("part 1", client.Posts.First(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_403_sends_the_held_email_instead_and_a_delivered_chats_email_stays_held()
    {
        var email = new RecordingEmailChannel();
        await using var bot = await DispatcherHarness.StartAsync(start: false, channels: email);
        bot.Transport.Script(SendResult.Failed(SendOutcome.ChatUnavailable, "Forbidden: bot was blocked by the user"), chatId: 7);
        var mail7 = DeliveryRoute.ToEmail("li.na@example.cn", "Li Na");
        var mail8 = DeliveryRoute.ToEmail("wang.wei@example.cn");
        await bot.Outbox.EnqueueManyAsync(
        [
            new OutgoingMessage("dl:1:remind:1d@1:7", 7, "reminder", MessagePriority.Reminder, "deadline-reminder"),
            OutgoingMessage.To(mail7, "dl:1:remind:1d@1:email:li.na@example.cn", "reminder by email", MessagePriority.Reminder, "deadline-reminder") with { FallbackOf = "dl:1:remind:1d@1:7" },
            new OutgoingMessage("dl:1:remind:1d@1:8", 8, "reminder", MessagePriority.Reminder, "deadline-reminder"),
            OutgoingMessage.To(mail8, "dl:1:remind:1d@1:email:wang.wei@example.cn", "reminder by email", MessagePriority.Reminder, "deadline-reminder") with { FallbackOf = "dl:1:remind:1d@1:8" },
        ], CancellationToken.None);

        await bot.StartDispatcherAsync();
        await bot.SettleAsync();
        await bot.SettleAsync();

        var sent = Assert.Single(email.Sent);
        Assert.Equal("li.na@example.cn", sent.Route.EmailAddress);
        Assert.Equal("Li Na", sent.Route.EmailName);
        Assert.Equal("blocked", await bot.StateOfAsync("dl:1:remind:1d@1:7"));
        Assert.Equal("sent", await bot.StateOfAsync("dl:1:remind:1d@1:email:li.na@example.cn"));
        Assert.Equal("held", await bot.StateOfAsync("dl:1:remind:1d@1:email:wang.wei@example.cn"));
        Assert.Equal([new ReleasedFallback("dl:1:remind:1d@1:email:li.na@example.cn", "dl:1:remind:1d@1:7", mail7.ChatId, mail7.Address)], bot.Fallbacks);
    }

    private static async Task<(DispatcherHarness Bot, RecordingRobotClient Client)> StartAsync(int perMinute)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        var client = new RecordingRobotClient();
        var options = new ChannelsOptions();
        options.Robots[Robot] = new RobotOptions { Kind = RobotKind.WeCom, Url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", PerMinute = perMinute };
        var robots = new RobotChannels(Options.Create(options), [client], clock);
        var bot = await DispatcherHarness.StartAsync(start: false, clock: clock, channels: new RobotDelivery(robots, clock));
        return (bot, client);
    }

    private static Task<bool> EnqueueRobotAsync(DispatcherHarness bot, string key, string html, bool digest = false) =>
        bot.Outbox.EnqueueAsync(OutgoingMessage.To(DeliveryRoute.ToRobot(Robot), key, html, MessagePriority.Reminder, "deadline-reminder") with
        {
            Digest = digest ? new DigestEntry("<b>{0} reminders</b>", "line " + key[1..]) : null,
        }, CancellationToken.None);
}
