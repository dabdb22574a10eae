using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;

namespace Bot.Tests.Integration.Worker;

/// <summary>The scam check and reports (PRODUCT 4.8) through the real Telegram.Bot client and the fake Bot API server.</summary>
public abstract class ScamCheckTests(StorageProvider provider)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_forwarded_message_gets_a_verdict_whose_first_line_is_the_colour()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(provider, server);
        const long user = 9301;

        server.EnqueueRaw(Forwarded(user, "/start 【公安局】你涉嫌洗钱，马上把资金转到安全账户，详情见 https://www.icbc.com.cn@etc-gov-cn.top/case"));
        server.EnqueueText(user, "明天一起吃饭吗？", languageCode: "en");
        server.EnqueueText(user, "/check", languageCode: "en");

        var replies = await server.WaitForMessagesAsync(user, 3, Wait);
        var verdict = replies[0].VisibleText;
        Assert.StartsWith("🔴", verdict, StringComparison.Ordinal);
        Assert.Contains("etc-gov-cn.top", verdict, StringComparison.Ordinal);
        Assert.Contains("96110", verdict, StringComparison.Ordinal);
        Assert.StartsWith("🟢", replies[1].VisibleText, StringComparison.Ordinal);
        Assert.Contains("/check", replies[2].VisibleText, StringComparison.Ordinal);
        Assert.Equal(1, await bot.ScalarAsync<int>("SELECT COUNT(*) FROM check_stats WHERE level = 'red' AND sign_id = ''"));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains("安全账户", StringComparison.Ordinal) || l.Contains("一起吃饭", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_report_reaches_both_admins_confirm_number_makes_the_next_check_red_and_the_reporter_is_told()
    {
        const long first = 9401, second = 9402, user = 9410;
        await using var server = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(provider, server, s =>
        {
            s.Configuration["Bot:Admins:0"] = first.ToString(CultureInfo.InvariantCulture);
            s.Configuration["Bot:Admins:1"] = second.ToString(CultureInfo.InvariantCulture);
        });
        server.EnqueueText(user, "/check 171-2345-6789", languageCode: "en");
        Assert.StartsWith("🟢", (await server.WaitForMessagesAsync(user, 1, Wait))[0].VisibleText, StringComparison.Ordinal);

        server.EnqueueText(user, "/report", languageCode: "en");
        var report = (await server.WaitForMessagesAsync(user, 2, Wait))[1];
        Assert.Contains("96110", report.VisibleText, StringComparison.Ordinal);
        Assert.Equal(["rp:s:0"], report.ButtonData);
        server.EnqueueCallback(user, "rp:s:0", user, report.MessageId, languageCode: "en");
        await server.WaitForMessagesAsync(user, 3, Wait); // the prompt
        server.EnqueueRaw(Forwarded(user, "Officer Wang: your card is frozen, call +86 171 2345 6789 or add WeChat wang_police_77"));

        var received = (await server.WaitForMessagesAsync(user, 4, Wait))[3];
        Assert.Contains("#1", received.VisibleText, StringComparison.Ordinal);
        var notices = new[] { first, second }.Select(admin =>
            server.WaitForMessageAsync(m => m.ChatId == admin && m.ButtonData.Contains("rp:c:1"), Wait)).ToList();
        var notice = (await Task.WhenAll(notices))[1];
        Assert.Contains("17123456789", notice.VisibleText, StringComparison.Ordinal);
        Assert.Equal(["rp:c:1", "rp:n:1", "rp:x:1"], notice.ButtonData);

        server.EnqueueCallback(user, "rp:c:1", user, report.MessageId, languageCode: "en"); // not an admin: refused
        server.EnqueueCallback(second, "rp:c:1", second, notice.MessageId, languageCode: "en");
        var decided = (await server.WaitForMessagesAsync(user, 5, Wait))[4];
        Assert.Contains("confirmed", decided.VisibleText, StringComparison.OrdinalIgnoreCase);
        await server.WaitForCallAsync("editMessageReplyMarkup", c => c.RequestJson.Contains(second.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), Wait);

        server.EnqueueText(user, "/check 17123456789", languageCode: "en");
        server.EnqueueText(user, "/myreports", languageCode: "en");
        var later = await server.WaitForMessagesAsync(user, 7, Wait);
        Assert.StartsWith("🔴", later[5].VisibleText, StringComparison.Ordinal);
        Assert.Contains("fraud number", later[5].VisibleText, StringComparison.Ordinal);
        Assert.Contains("#1", later[6].VisibleText, StringComparison.Ordinal);
        Assert.Equal(1, await bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = 'report:confirmed' AND user_id = @second", new { second }));
        Assert.Equal(2, await bot.ScalarAsync<int>("SELECT COUNT(*) FROM known_numbers WHERE report_id = 1"));
        Assert.Equal("confirmed", await bot.ScalarAsync<string>("SELECT state FROM reports WHERE id = 1"));
    }

    [Fact]
    public async Task A_sixth_report_within_an_hour_is_refused_politely()
    {
        const long user = 9501;
        await using var server = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(provider, server);
        server.EnqueueText(user, "/report", languageCode: "en");
        var report = (await server.WaitForMessagesAsync(user, 1, Wait))[0];
        var count = 1;
        for (var i = 1; i <= 5; i++)
        {
            server.EnqueueCallback(user, "rp:s:0", user, report.MessageId, languageCode: "en");
            server.EnqueueText(user, $"Scam number {i}: 1391234567{i}", languageCode: "en");
            count += 2;
            Assert.Contains($"#{i}", (await server.WaitForMessagesAsync(user, count, Wait))[count - 1].VisibleText, StringComparison.Ordinal);
        }

        server.EnqueueCallback(user, "rp:s:0", user, report.MessageId, languageCode: "en");

        var refused = (await server.WaitForMessagesAsync(user, count + 1, Wait))[count];
        Assert.Contains("5 reports in the last hour", refused.VisibleText, StringComparison.Ordinal);
        Assert.Contains("96110", refused.VisibleText, StringComparison.Ordinal);
        Assert.Equal(5, await bot.ScalarAsync<int>("SELECT COUNT(*) FROM reports WHERE chat_id = @user", new { user }));
    }

    [Fact]
    public async Task A_4096_character_message_against_a_catastrophic_rule_is_answered_and_the_worker_answers_the_next_command()
    {
        const long user = 9601;
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = RepoPaths.NewTempDirectory("bot-it");
        var rules = Path.Combine(directory, "hostile-signs.yaml");
        await File.WriteAllTextAsync(rules, await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "config", "scam-signs.yaml")) + """

              - id: hostile
                family: urgency-secrecy
                weight: 1
                tip: four-habits
                patterns:
                  zh-Hans: ['^(\w+\s?)*$']
                  zh-Hant: fold
                  en: ['(a+)+$']
                explain: {zh-Hans: x, zh-Hant: x, en: x}
            """);
        await using var bot = await BotUnderTest.StartAsync(provider, server, s => s.Configuration["Bot:ScamSignsFile"] = rules, directory);
        server.EnqueueText(user, "/start", languageCode: "en");
        await server.WaitForMessagesAsync(user, 1, Wait);
        var text = ("请把钱转到安全账户 " + new string('a', 4096))[..4095] + "!";

        var started = Stopwatch.GetTimestamp();
        server.EnqueueText(user, text, languageCode: "en");
        var verdict = (await server.WaitForMessagesAsync(user, 2, Wait))[1];
        var elapsed = Stopwatch.GetElapsedTime(started);

        Assert.Equal(4096, text.Length);
        Assert.StartsWith("🔴", verdict.VisibleText, StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"answered after {elapsed.TotalMilliseconds:F0} ms");
        server.EnqueueText(user, "/help", languageCode: "en");
        Assert.Contains("/check", (await server.WaitForMessagesAsync(user, 3, Wait))[2].VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_group_check_as_a_reply_checks_the_replied_message_and_other_chatter_is_ignored()
    {
        const long user = 9701, group = -1009701;
        await using var server = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(provider, server);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        JsonObject Chat() => new() { ["id"] = group, ["type"] = "supergroup", ["title"] = "Neighbours" };
        JsonObject From() => new() { ["id"] = user, ["is_bot"] = false, ["first_name"] = "Lin", ["language_code"] = "en" };

        server.EnqueueRaw(new JsonObject { ["message"] = new JsonObject { ["message_id"] = 10, ["from"] = From(), ["chat"] = Chat(), ["date"] = now, ["text"] = "把钱转到安全账户" } });
        server.EnqueueRaw(new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["message_id"] = 11,
                ["from"] = From(),
                ["chat"] = Chat(),
                ["date"] = now,
                ["text"] = "/check",
                ["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = 6 }),
                ["reply_to_message"] = new JsonObject { ["message_id"] = 10, ["from"] = From(), ["chat"] = Chat(), ["date"] = now, ["text"] = "我是公安局的，马上把钱转到安全账户" },
            },
        });

        var replies = await server.WaitForMessagesAsync(group, 1, Wait);
        Assert.StartsWith("🔴", replies[0].VisibleText, StringComparison.Ordinal);
        Assert.Single(server.SentTo(group));
    }

    /// <summary>A message the user forwarded from someone hidden, as Telegram shapes it (forward_origin).</summary>
    private static JsonObject Forwarded(long userId, string text)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["message_id"] = 70_000 + (int)(userId % 1000),
                ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Lin", ["language_code"] = "en" },
                ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private", ["first_name"] = "Lin" },
                ["date"] = now,
                ["forward_origin"] = new JsonObject { ["type"] = "hidden_user", ["sender_user_name"] = "Unknown caller", ["date"] = now - 60 },
                ["text"] = text,
            },
        };
    }
}

public sealed class ScamCheckTestsOnSqlite() : ScamCheckTests(StorageProvider.Sqlite);

public sealed class ScamCheckTestsOnPostgres() : ScamCheckTests(StorageProvider.Postgres);
