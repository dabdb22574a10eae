using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Bot.Worker.Awareness;
using Bot.Worker.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Integration.Worker;

/// <summary>Telegram's errors as the fake server gives them, through the real client, to the dispatcher.</summary>
public abstract class DeliveryTests(StorageProvider provider)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_429_with_retry_after_pauses_every_chats_sending_for_that_long()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await BotUnderTest.StartAsync(provider, server, s =>
        {
            s.TimeProvider = clock;
            s.Configuration["Delivery:MaxParallelSends"] = "1";
        });
        var dispatcher = bot.Get<Dispatcher>();
        server.FailNext("sendMessage", 429, "Too Many Requests: retry after 30", retryAfter: 30);

        await bot.Get<IOutbox>().EnqueueManyAsync(
            [.. new long[] { 2001, 2002, 2003 }.Select(chat => new OutgoingMessage($"m{chat}", chat, $"hello {chat}", MessagePriority.Reminder, "test"))],
            CancellationToken.None);
        await server.WaitForCallAsync("sendMessage", c => c.StatusCode == 429, Wait);
        await Settle(dispatcher, bot, () => { });
        Assert.Empty(server.Sent);

        await Settle(dispatcher, bot, () => clock.Advance(TimeSpan.FromSeconds(29)));
        Assert.Empty(server.Sent);
        Assert.Single(server.Calls, c => c.Method == "sendMessage");

        clock.Advance(TimeSpan.FromSeconds(1));
        bot.Get<DispatchSignal>().Notify();
        foreach (var chat in new long[] { 2001, 2002, 2003 })
        {
            await server.WaitForMessagesAsync(chat, 1, Wait);
        }
        Assert.Equal(3, server.Sent.Count);
    }

    [Fact]
    public async Task A_403_marks_the_chat_blocked_and_it_gets_nothing_more()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(provider, server);
        server.EnqueueText(2101, "/subscribe tips alerts", languageCode: "en");
        await server.WaitForMessagesAsync(2101, 1, Wait);
        server.BlockChat(2101);

        await bot.Get<IOutbox>().EnqueueManyAsync(
            [.. Enumerable.Range(1, 3).Select(i => new OutgoingMessage($"tip-{i}", 2101, $"tip {i}", MessagePriority.Tip, "awareness-tip"))],
            CancellationToken.None);
        await server.WaitForCallAsync("sendMessage", c => c.StatusCode == 403, Wait);
        await Eventually.TrueAsync(async () => await bot.ScalarAsync<int>("SELECT COUNT(*) FROM outbox WHERE chat_id = 2101 AND state = 'blocked'") == 3
            && await bot.ScalarAsync<string>("SELECT status FROM chats WHERE chat_id = 2101") == "blocked");

        Assert.Single(server.Calls, c => c.Method == "sendMessage" && c.StatusCode == 403);
        Assert.Single(server.SentTo(2101));
        Assert.Equal("blocked", await bot.ScalarAsync<string>("SELECT status FROM chats WHERE chat_id = 2101"));
        Assert.Empty(await bot.Get<SubscriptionStore>().GetAsync(2101, CancellationToken.None));
    }

    [Fact]
    public async Task A_5001_character_reply_arrives_as_two_messages()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var templates = RepoPaths.NewTempDirectory("bot-templates");
        foreach (var file in Directory.GetFiles(RepoPaths.Templates))
        {
            File.Copy(file, Path.Combine(templates, Path.GetFileName(file)));
        }
        var lines = Enumerable.Range(0, 50).Select(i => $"{i:00} " + new string('r', 96)).ToList();
        var body = string.Join("\n", lines) + "\nX"; // 50 * 100 - 1 + 2 = 5001 characters
        Assert.Equal(5001, body.Length);
        await File.WriteAllTextAsync(Path.Combine(templates, "report.en.sbn"), body);
        await using var bot = await BotUnderTest.StartAsync(provider, server, s => s.Configuration["Templates:Directory"] = templates);

        server.EnqueueText(2201, "/report", languageCode: "en");

        var parts = await server.WaitForMessagesAsync(2201, 2, Wait);
        Assert.All(parts, p => Assert.True(p.VisibleText.Length <= 4096));
        Assert.Equal(body, parts[0].VisibleText + "\n" + parts[1].VisibleText);
        Assert.DoesNotContain(server.Calls, c => c.Method == "sendMessage" && c.StatusCode != 200);
        Directory.Delete(templates, recursive: true);
    }

    [Fact]
    public async Task Html_telegram_cannot_parse_is_sent_once_as_plain_text()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(provider, server);

        await bot.EnqueueAsync("broken", 2301, "<b>unclosed & wrong");

        var sent = (await server.WaitForMessagesAsync(2301, 1, Wait))[0];
        Assert.Null(sent.ParseMode);
        Assert.Equal("<b>unclosed & wrong".Replace("<b>", "", StringComparison.Ordinal), sent.Text);
        Assert.Contains(bot.Logs.Lines, l => l.Contains("plain text", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Server_errors_are_retried()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await BotUnderTest.StartAsync(provider, server, s => s.TimeProvider = clock);
        server.FailWithServerError("sendMessage", 2);

        await bot.EnqueueAsync("flaky", 2401, "hello");
        foreach (var (attempts, backoff) in new[] { (1, 5), (2, 15) })
        {
            await Eventually.TrueAsync(async () => await bot.ScalarAsync<int>("SELECT COUNT(*) FROM outbox WHERE idem_key = 'flaky' AND state = 'deferred' AND attempts = @attempts", new { attempts }) == 1);
            await Settle(bot.Get<Dispatcher>(), bot, () => clock.Advance(TimeSpan.FromSeconds(backoff)));
        }

        await server.WaitForMessagesAsync(2401, 1, Wait);
        Assert.Equal(3, server.Calls.Count(c => c.Method == "sendMessage"));
    }

    /// <summary>Does <paramref name="act"/>, then waits until the dispatcher has nothing it may send now.</summary>
    private static async Task Settle(Dispatcher dispatcher, BotUnderTest bot, Action act)
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        long requested = long.MaxValue;
        void OnIdle(DateTimeOffset? _, long seen)
        {
            // Only a pass that began after the notification below has seen what act() did.
            if (seen >= Volatile.Read(ref requested))
            {
                idle.TrySetResult();
            }
        }
        dispatcher.Idle += OnIdle;
        try
        {
            act();
            var signal = bot.Get<DispatchSignal>();
            Volatile.Write(ref requested, signal.Notifications + 1);
            signal.Notify();
            await idle.Task.WaitAsync(Wait);
        }
        finally
        {
            dispatcher.Idle -= OnIdle;
        }
    }
}

public sealed class DeliveryTestsOnSqlite() : DeliveryTests(StorageProvider.Sqlite);

public sealed class DeliveryTestsOnPostgres() : DeliveryTests(StorageProvider.Postgres);
