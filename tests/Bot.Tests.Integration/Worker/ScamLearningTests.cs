using System.Globalization;
using System.Text.Json.Nodes;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;

namespace Bot.Tests.Integration.Worker;

/// <summary>
/// The scam check learning from its users (PRODUCT 4.11, issue 21) through the real Telegram.Bot client and the fake Bot API
/// server: a report an admin confirms makes a variant of its message red with "1 report of a message like this", a report
/// decided not fraud never matches, the reporter's /forget takes the text out of the index; 👍/👎 under each verdict count in
/// /stats, and a 👎 with consent becomes a wrong-verdict report both admins get.
/// </summary>
public abstract class ScamLearningTests(StorageProvider provider)
{
    private const long First = 9801, Second = 9802;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    // A courier-compensation script as one victim forwarded it (Simplified) ...
    private const string Original =
        "【顺丰快递】您好，您的快递在运输途中丢失，我们将为您办理三倍理赔，请添加理赔专员微信 sf_lipei2031 并提供银行卡号和收到的验证码，" +
        "理赔款将在24小时内到账，详情见 http://sf-lp.top/a1 ，客服电话 0755-8321 4470。";

    // ... and as the next victim got it: Traditional script, other numbers, ids and links, a few words changed.
    private const string Variant =
        "【順豐速運】您好，您的包裹在運輸途中遺失，我們將為您辦理三倍理賠，請添加理賠專員微信 kf_pei8899 並提供銀行卡號和收到的驗證碼，" +
        "理賠款將在48小時內到帳，詳見 https://sf-pei.vip/b2 ，客服熱線 020-3345 1290。";

    // A notice an admin decided was not fraud, and a copy of it sent to someone else.
    private const string Notice =
        "各位业主您好，我是物业的小王，明天上午九点到十一点小区停水检修，请提前储水，给您带来不便敬请谅解，有问题请致电物业办公室 021-6234 5678。";

    private const string NoticeAgain =
        "各位业主您好，我是物业的小李，后天上午九点到十二点小区停水检修，请提前储水，给您带来不便敬请谅解，有问题请致电物业办公室 021-6234 9999。";

    [Fact]
    public async Task A_confirmed_report_makes_a_variant_red_a_not_fraud_report_never_matches_and_the_reporters_forget_removes_it()
    {
        const long reporter = 9811, other = 9812;
        await using var server = await FakeBotApiServer.StartAsync();
        await using var bot = await StartAsync(server);

        var confirmed = await ReportAsync(server, bot, reporter, Original);
        await DecideAsync(server, bot, reporter, confirmed, "c", "confirmed");
        var notFraud = await ReportAsync(server, bot, reporter, Notice);
        await DecideAsync(server, bot, reporter, notFraud, "n", "not_fraud");

        var like = await ForwardAsync(server, other, Variant);
        Assert.StartsWith("🔴", like.VisibleText, StringComparison.Ordinal);
        Assert.Contains("1 report of a message like this was confirmed as fraud", like.VisibleText, StringComparison.Ordinal);
        // The date of the confirmation on the reader's calendar (Bot:TimeZone, Asia/Shanghai by default).
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.Contains($"(last on {today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})", like.VisibleText, StringComparison.Ordinal);
        // Its signs are listed as before, under the line.
        Assert.Contains("verification code", like.VisibleText, StringComparison.OrdinalIgnoreCase);

        var notLike = await ForwardAsync(server, other, NoticeAgain);
        Assert.DoesNotContain("like this", notLike.VisibleText, StringComparison.Ordinal);
        Assert.Equal(1, await bot.ScalarAsync<int>("SELECT COUNT(*) FROM reported_alike"));

        server.EnqueueText(reporter, "/forget", languageCode: "en");
        await bot.WaitForAsync("SELECT status FROM chats WHERE chat_id = @reporter", "forgotten", new { reporter });

        var afterForget = await ForwardAsync(server, other, Variant);
        Assert.DoesNotContain("like this", afterForget.VisibleText, StringComparison.Ordinal);
        Assert.Equal(0, await bot.ScalarAsync<int>("SELECT COUNT(*) FROM reported_alike"));
        Assert.Equal(0, await bot.ScalarAsync<int>("SELECT COUNT(*) FROM reports WHERE chat_id = @reporter", new { reporter }));
        // Checked texts are never logged.
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains("理赔专员", StringComparison.Ordinal) || l.Contains("理賠專員", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Right_and_wrong_count_in_stats_and_a_wrong_with_consent_becomes_a_wrong_verdict_report_both_admins_get()
    {
        const long user = 9821;
        await using var server = await FakeBotApiServer.StartAsync();
        await using var bot = await StartAsync(server);

        var green = await ForwardAsync(server, user, "明天中午一起吃饭吗？我订了公司楼下那家面馆，十二点见。");
        Assert.StartsWith("🟢", green.VisibleText, StringComparison.Ordinal);
        Assert.Equal(["👍 Right", "👎 Wrong"], green.ButtonTexts);
        var greenId = VerdictId(green, "fb:r:");
        Assert.Equal([$"fb:r:{greenId}", $"fb:w:{greenId}"], green.ButtonData);

        Assert.Equal("Thanks for telling us!", await PressAsync(server, user, green, $"fb:r:{greenId}"));
        // One vote per verdict: a second press counts nothing.
        Assert.Equal("You answered for this verdict already.", await PressAsync(server, user, green, $"fb:w:{greenId}"));

        var red = await ForwardAsync(server, user, Original);
        Assert.StartsWith("🔴", red.VisibleText, StringComparison.Ordinal);
        var redId = VerdictId(red, "fb:w:");
        var edits = server.Edits.Count;
        Assert.Contains("press 📨", await PressAsync(server, user, red, $"fb:w:{redId}"), StringComparison.Ordinal);
        var offer = await WaitForEditAsync(server, user, red.MessageId, edits);
        Assert.Contains($"fb:s:{redId}", offer.ReplyMarkupJson, StringComparison.Ordinal);
        // Until the user agrees and sends it, nothing of the text is kept.
        Assert.Equal(0, await bot.ScalarAsync<int>("SELECT COUNT(*) FROM reports"));

        var before = server.SentTo(user).Count;
        server.EnqueueCallback(user, $"fb:s:{redId}", user, red.MessageId, languageCode: "en");
        var prompt = (await server.WaitForMessagesAsync(user, before + 1, Wait))[before];
        Assert.Contains("Send it to our team", prompt.VisibleText, StringComparison.Ordinal);
        var received = await ForwardAsync(server, user, Original);
        var id = await bot.ScalarAsync<long>("SELECT MAX(id) FROM reports WHERE chat_id = @user", new { user });
        Assert.Contains($"#{id}", received.VisibleText, StringComparison.Ordinal);

        var notices = await Task.WhenAll(new[] { First, Second }.Select(admin =>
            server.WaitForMessageAsync(m => m.ChatId == admin && m.ButtonData.Contains($"rp:c:{id}"), Wait)));
        var signs = (await bot.ScalarAsync<string>("SELECT verdict_signs FROM reports WHERE id = @id", new { id })).Split(',');
        Assert.Contains("code-request", signs);
        Assert.All(notices, n =>
        {
            // In the admin's language (zh-Hans: the admins never wrote to the bot): the kind, the colour and each sign id.
            Assert.Contains($"👎 判断有误 #{id}", n.VisibleText, StringComparison.Ordinal);
            Assert.Contains("当时的检查结果为 🔴", n.VisibleText, StringComparison.Ordinal);
            Assert.All(signs, s => Assert.Contains(s, n.VisibleText, StringComparison.Ordinal));
        });
        Assert.Equal("wrong-verdict", await bot.ScalarAsync<string>("SELECT kind FROM reports WHERE id = @id", new { id }));

        var stats = await AskAsync(server, First, "/stats");
        Assert.Contains("🔴 👍 0 👎 1 · 🟠 👍 0 👎 0 · 🟢 👍 1 👎 0", stats.VisibleText, StringComparison.Ordinal);
        Assert.Contains("code-request 👍 0 👎 1", stats.VisibleText, StringComparison.Ordinal);
    }

    /// <summary>
    /// The worker with two admins and the shipped rules at a 1 s match timeout: on a busy host a rule paused past the
    /// shipped 100 ms counts as not matched, and these tests assert the signs a verdict names.
    /// </summary>
    private Task<BotUnderTest> StartAsync(FakeBotApiServer server) => BotUnderTest.StartAsync(provider, server, s =>
    {
        s.Configuration["Bot:Admins:0"] = First.ToString(CultureInfo.InvariantCulture);
        s.Configuration["Bot:Admins:1"] = Second.ToString(CultureInfo.InvariantCulture);
        s.Configuration["Bot:ScamSignsFile"] = PatientRules();
    });

    /// <summary>A copy of config/scam-signs.yaml with match_timeout_ms 1000; returns its path.</summary>
    internal static string PatientRules()
    {
        var path = Path.Combine(RepoPaths.NewTempDirectory("bot-it"), "scam-signs.yaml");
        var shipped = File.ReadAllText(Path.Combine(RepoPaths.Root, "config", "scam-signs.yaml"));
        Assert.Contains("\nmatch_timeout_ms: 100\n", shipped, StringComparison.Ordinal);
        File.WriteAllText(path, shipped.Replace("\nmatch_timeout_ms: 100\n", "\nmatch_timeout_ms: 1000\n", StringComparison.Ordinal));
        return path;
    }

    /// <summary>Report to us (/report, the button), then <paramref name="text"/> forwarded: returns the new report's id once both admins have its notice.</summary>
    private static async Task<long> ReportAsync(FakeBotApiServer server, BotUnderTest bot, long user, string text)
    {
        var menu = await AskAsync(server, user, "/report");
        var before = server.SentTo(user).Count;
        server.EnqueueCallback(user, "rp:s:0", user, menu.MessageId, languageCode: "en");
        await server.WaitForMessagesAsync(user, before + 1, Wait); // the prompt
        await ForwardAsync(server, user, text);
        var id = await bot.ScalarAsync<long>("SELECT MAX(id) FROM reports WHERE chat_id = @user", new { user });
        await Task.WhenAll(new[] { First, Second }.Select(admin =>
            server.WaitForMessageAsync(m => m.ChatId == admin && m.ButtonData.Contains($"rp:c:{id}"), Wait)));
        return id;
    }

    /// <summary>The second admin presses a decision under the notice; returns once the reporter is told.</summary>
    private static async Task DecideAsync(FakeBotApiServer server, BotUnderTest bot, long reporter, long id, string verb, string state)
    {
        var notice = await server.WaitForMessageAsync(m => m.ChatId == Second && m.ButtonData.Contains($"rp:{verb}:{id}"), Wait);
        var before = server.SentTo(reporter).Count;
        server.EnqueueCallback(Second, $"rp:{verb}:{id}", Second, notice.MessageId, languageCode: "en");
        await bot.WaitForAsync("SELECT state FROM reports WHERE id = @id", state, new { id });
        await server.WaitForMessagesAsync(reporter, before + 1, Wait);
    }

    private static async Task<SentMessage> AskAsync(FakeBotApiServer server, long user, string text)
    {
        var before = server.SentTo(user).Count;
        server.EnqueueText(user, text, languageCode: "en");
        return (await server.WaitForMessagesAsync(user, before + 1, Wait))[before];
    }

    /// <summary>Forwards <paramref name="text"/> (from someone hidden, as Telegram shapes it) and returns the bot's reply.</summary>
    private static async Task<SentMessage> ForwardAsync(FakeBotApiServer server, long user, string text)
    {
        var before = server.SentTo(user).Count;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        server.EnqueueRaw(new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["message_id"] = 80_000 + before,
                ["from"] = new JsonObject { ["id"] = user, ["is_bot"] = false, ["first_name"] = "Lin", ["language_code"] = "en" },
                ["chat"] = new JsonObject { ["id"] = user, ["type"] = "private", ["first_name"] = "Lin" },
                ["date"] = now,
                ["forward_origin"] = new JsonObject { ["type"] = "hidden_user", ["sender_user_name"] = "Unknown", ["date"] = now - 60 },
                ["text"] = text,
            },
        });
        return (await server.WaitForMessagesAsync(user, before + 1, Wait))[before];
    }

    /// <summary>Presses a button under <paramref name="message"/> and returns the toast the bot answered with.</summary>
    private static async Task<string?> PressAsync(FakeBotApiServer server, long user, SentMessage message, string data)
    {
        var answers = server.CallbackAnswers.Count;
        server.EnqueueCallback(user, data, user, message.MessageId, languageCode: "en");
        await Eventually.TrueAsync(() => server.CallbackAnswers.Count > answers, within: Wait);
        return server.CallbackAnswers[answers].Text;
    }

    private static async Task<MessageEdit> WaitForEditAsync(FakeBotApiServer server, long chat, int messageId, int after)
    {
        await Eventually.TrueAsync(() => server.Edits.Skip(after).Any(e => e.ChatId == chat && e.MessageId == messageId), within: Wait);
        return server.Edits.Skip(after).First(e => e.ChatId == chat && e.MessageId == messageId);
    }

    private static long VerdictId(SentMessage verdict, string prefix) =>
        long.Parse(verdict.ButtonData.Single(d => d.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..], CultureInfo.InvariantCulture);
}

public sealed class ScamLearningTestsOnSqlite() : ScamLearningTests(StorageProvider.Sqlite);

public sealed class ScamLearningTestsOnPostgres() : ScamLearningTests(StorageProvider.Postgres);
