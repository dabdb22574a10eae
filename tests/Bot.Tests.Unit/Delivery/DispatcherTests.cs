using Bot.Tests.Unit.Support;
using Bot.Worker.Configuration;
using Bot.Worker.Delivery;
using Bot.Worker.Transport;

namespace Bot.Tests.Unit.Delivery;

public sealed class DispatcherTests
{
    [Fact]
    public async Task Sends_replies_first_then_reminders_alerts_and_tips()
    {
        var options = DispatcherHarness.Unlimited();
        options.MaxParallelSends = 1;
        await using var bot = await DispatcherHarness.StartAsync(options, start: false);
        await bot.EnqueueAsync("tip", 1, "tip", MessagePriority.Tip);
        await bot.EnqueueAsync("alert", 2, "alert", MessagePriority.Alert);
        await bot.EnqueueAsync("reply", 3, "reply", MessagePriority.Reply);
        await bot.EnqueueAsync("reminder", 4, "reminder", MessagePriority.Reminder);

        await bot.StartDispatcherAsync();
        await bot.SettleAsync();

        Assert.Equal(["reply", "reminder", "alert", "tip"], bot.Transport.Sent.Select(m => m.Text));
    }

    [Fact]
    public async Task A_429_pauses_every_chat_for_retry_after()
    {
        var options = DispatcherHarness.Unlimited();
        options.MaxParallelSends = 1;
        await using var bot = await DispatcherHarness.StartAsync(options, start: false);
        bot.Transport.Script(SendResult.Failed(SendOutcome.RateLimited, "Too Many Requests: retry after 30", TimeSpan.FromSeconds(30)));
        await bot.EnqueueAsync("a", 1);
        await bot.EnqueueAsync("b", 2);
        await bot.EnqueueAsync("c", 3);

        await bot.StartDispatcherAsync();
        await bot.SettleAsync();
        Assert.Single(bot.Transport.Attempts);
        Assert.Equal(DeliveryState.Deferred, await bot.StateOfAsync("a"));
        // b and c were claimed with a (one write) but not started: they are pending again, not left in flight.
        Assert.Equal(2, await bot.CountAsync("state = 'pending'"));

        await bot.AdvanceAsync(TimeSpan.FromSeconds(29));
        Assert.Single(bot.Transport.Attempts);

        await bot.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(3, bot.Transport.Sent.Count);
        Assert.Equal(3, await bot.CountAsync("state = 'sent'"));
    }

    [Fact]
    public async Task A_403_blocks_the_chat_and_stops_its_queued_messages()
    {
        var options = DispatcherHarness.Unlimited();
        options.PerChatIntervalMs = 1000;
        await using var bot = await DispatcherHarness.StartAsync(options, start: false);
        bot.Transport.Script(SendResult.Failed(SendOutcome.ChatUnavailable, "Forbidden: bot was blocked by the user"), chatId: 7);
        await bot.EnqueueAsync("x1", 7);
        await bot.EnqueueAsync("x2", 7);
        await bot.EnqueueAsync("x3", 7);
        await bot.EnqueueAsync("y1", 8);

        await bot.StartDispatcherAsync();
        await bot.SettleAsync();
        await bot.AdvanceAsync(TimeSpan.FromSeconds(5));

        Assert.Single(bot.Transport.Attempts, m => m.ChatId == 7);
        Assert.Equal(3, await bot.CountAsync("chat_id = 7 AND state = 'blocked'"));
        Assert.Equal([7L], bot.BlockedChats);
        Assert.Equal(DeliveryState.Sent, await bot.StateOfAsync("y1"));
    }

    [Fact]
    public async Task Html_that_telegram_refuses_is_sent_once_as_plain_text()
    {
        await using var bot = await DispatcherHarness.StartAsync(start: false);
        bot.Transport.Script(SendResult.Failed(SendOutcome.BadHtml, "Bad Request: can't parse entities: unsupported start tag"));
        await bot.EnqueueAsync("k", 1, "<b>Hi</b> &amp; bye");

        await bot.StartDispatcherAsync();
        await bot.SettleAsync();

        var sent = Assert.Single(bot.Transport.Sent);
        Assert.False(sent.Html);
        Assert.Equal("Hi & bye", sent.Text);
        Assert.Equal(2, bot.Transport.Attempts.Count);
    }

    [Fact]
    public async Task Network_errors_are_retried_with_backoff_and_fail_after_max_attempts()
    {
        var options = DispatcherHarness.Unlimited();
        options.MaxAttempts = 3;
        await using var bot = await DispatcherHarness.StartAsync(options, start: false);
        for (var i = 0; i < 3; i++)
        {
            bot.Transport.Script(SendResult.Failed(SendOutcome.Transient, "HttpRequestException: connection refused"));
        }
        await bot.EnqueueAsync("k", 1);

        await bot.StartDispatcherAsync();
        await bot.SettleAsync();
        Assert.Equal(DeliveryState.Deferred, await bot.StateOfAsync("k"));

        await bot.AdvanceAsync(TimeSpan.FromSeconds(4));
        Assert.Single(bot.Transport.Attempts);
        await bot.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(2, bot.Transport.Attempts.Count);
        await bot.AdvanceAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(3, bot.Transport.Attempts.Count);
        Assert.Equal(DeliveryState.Failed, await bot.StateOfAsync("k"));
        await bot.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Equal(3, bot.Transport.Attempts.Count);
    }

    [Fact]
    public async Task One_chat_gets_one_message_per_interval_in_order()
    {
        var options = DispatcherHarness.Unlimited();
        options.PerChatIntervalMs = 1000;
        options.MaxParallelSends = 1; // sends to different chats in parallel may arrive in either order
        await using var bot = await DispatcherHarness.StartAsync(options);
        await bot.EnqueueAsync("1", 5, "first");
        await bot.EnqueueAsync("2", 5, "second");
        await bot.EnqueueAsync("3", 5, "third");
        await bot.EnqueueAsync("other", 6, "other chat");
        await bot.SettleAsync();
        Assert.Equal(["first", "other chat"], bot.Transport.Sent.Select(m => m.Text));

        await bot.AdvanceAsync(TimeSpan.FromMilliseconds(999));
        Assert.Equal(2, bot.Transport.Sent.Count);
        await bot.AdvanceAsync(TimeSpan.FromMilliseconds(1));
        await bot.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(["first", "other chat", "second", "third"], bot.Transport.Sent.Select(m => m.Text));
    }

    [Fact]
    public async Task The_global_limit_holds_in_every_one_second_window()
    {
        var options = new DeliveryOptions { GlobalRatePerSecond = 5, PerChatIntervalMs = 0, WindowMarginMs = 0 };
        await using var bot = await DispatcherHarness.StartAsync(options);
        for (var i = 0; i < 12; i++)
        {
            await bot.EnqueueAsync($"m{i}", 100 + i);
        }
        var times = new List<DateTimeOffset>();
        var start = bot.Clock.GetUtcNow();
        await bot.SettleAsync();
        while (bot.Transport.Sent.Count < 12 && bot.Clock.GetUtcNow() - start < TimeSpan.FromSeconds(10))
        {
            var before = bot.Transport.Sent.Count;
            await bot.AdvanceAsync(TimeSpan.FromMilliseconds(50));
            times.AddRange(Enumerable.Repeat(bot.Clock.GetUtcNow(), bot.Transport.Sent.Count - before));
        }

        Assert.Equal(12, bot.Transport.Sent.Count);
        var worst = times.Max(t => times.Count(u => u >= t && u < t + TimeSpan.FromSeconds(1)));
        Assert.True(worst <= 5, $"{worst} sends in one second");
        Assert.True(bot.Clock.GetUtcNow() - start <= TimeSpan.FromSeconds(3), "12 messages at 5/s should take about 2 s");
    }

    [Fact]
    public async Task An_expired_message_is_recorded_and_never_sent()
    {
        await using var bot = await DispatcherHarness.StartAsync(start: false);
        await bot.EnqueueAsync("old", 1, expiresAt: bot.Clock.GetUtcNow().AddMinutes(1));
        bot.Clock.Advance(TimeSpan.FromMinutes(2));

        await bot.StartDispatcherAsync();
        await bot.SettleAsync();

        Assert.Empty(bot.Transport.Attempts);
        Assert.Equal(DeliveryState.Expired, await bot.StateOfAsync("old"));
    }

    [Fact]
    public async Task A_key_is_never_sent_twice()
    {
        await using var bot = await DispatcherHarness.StartAsync();
        await bot.EnqueueAsync("same", 1, "first");
        await bot.SettleAsync();
        await bot.EnqueueAsync("same", 1, "again");
        await bot.SettleAsync();

        Assert.Equal(["first"], bot.Transport.Sent.Select(m => m.Text));
    }

    [Fact]
    public async Task A_message_over_4096_characters_goes_out_as_parts_in_order()
    {
        await using var bot = await DispatcherHarness.StartAsync();
        var line = new string('a', 99) + "\n";
        await bot.EnqueueAsync("long", 1, string.Concat(Enumerable.Repeat(line, 50)) + "end");
        await bot.SettleAsync();

        Assert.Equal(2, bot.Transport.Sent.Count);
        Assert.All(bot.Transport.Sent, m => Assert.True(m.Text.Length <= 4096));
        Assert.EndsWith("end", bot.Transport.Sent.Last().Text);
        Assert.Equal(DeliveryState.Sent, await bot.StateOfAsync("long#2"));
    }
}
