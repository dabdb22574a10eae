using System.Text.RegularExpressions;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Bot.Worker.Awareness;

namespace Bot.Tests.Integration.Worker;

/// <summary>The public commands through the real Telegram.Bot client and a fake Bot API server.</summary>
public abstract partial class PublicCommandsTests(StorageProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private FakeBotApiServer _server = null!;
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeBotApiServer.StartAsync();
        _bot = await BotUnderTest.StartAsync(provider, _server);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Start_gets_a_welcome()
    {
        _server.EnqueueText(1001, "/start", firstName: "Lin");

        var welcome = (await _server.WaitForMessagesAsync(1001, 1, Wait))[0];

        Assert.Equal("HTML", welcome.ParseMode, ignoreCase: true);
        Assert.Contains("Lin", welcome.VisibleText, StringComparison.Ordinal);
        Assert.Contains("96110", welcome.VisibleText, StringComparison.Ordinal);
        Assert.Contains("/subscribe", welcome.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_tips_then_topics_shows_tips_on()
    {
        _server.EnqueueText(1002, "/subscribe tips", languageCode: "en");
        _server.EnqueueText(1002, "/topics", languageCode: "en");

        var replies = await _server.WaitForMessagesAsync(1002, 2, Wait);

        var topics = replies[1];
        Assert.Contains("✅ Anti-fraud tips", topics.VisibleText, StringComparison.Ordinal);
        Assert.Contains("▫️ Fraud alerts", topics.VisibleText, StringComparison.Ordinal);
        Assert.Equal(["topic:tips", "topic:alerts", "topic:campaigns"], topics.ButtonData);
        Assert.StartsWith("✅", topics.ButtonTexts[0], StringComparison.Ordinal);
        Assert.StartsWith("⬜", topics.ButtonTexts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_topic_button_toggles_the_topic_and_redraws_the_buttons()
    {
        _server.EnqueueText(1003, "/topics", languageCode: "en");
        var topics = (await _server.WaitForMessagesAsync(1003, 1, Wait))[0];

        _server.EnqueueCallback(1003, "topic:alerts", 1003, topics.MessageId, languageCode: "en");

        await _server.WaitForCallAsync("answerCallbackQuery", null, Wait);
        var edit = await _server.WaitForCallAsync("editMessageReplyMarkup", null, Wait);
        Assert.Contains("✅ Fraud alerts", edit.RequestJson, StringComparison.Ordinal);
        Assert.Contains(Topics.Alerts, await _bot.Get<SubscriptionStore>().GetAsync(1003, CancellationToken.None));
    }

    [Fact]
    public async Task Lang_en_switches_later_replies_to_english()
    {
        _server.EnqueueText(1004, "/help");
        _server.EnqueueText(1004, "/lang en");
        _server.EnqueueText(1004, "/help");

        var replies = await _server.WaitForMessagesAsync(1004, 3, Wait);

        Assert.Matches(Chinese(), replies[0].VisibleText);
        Assert.DoesNotMatch(Chinese(), replies[1].VisibleText.Split('\n')[0]);
        Assert.Contains("What I can do", replies[2].VisibleText, StringComparison.Ordinal);
        Assert.DoesNotMatch(Chinese(), replies[2].VisibleText.Split('\n')[1]);
    }

    [Fact]
    public async Task Stop_ends_all_subscriptions()
    {
        _server.EnqueueText(1005, "/subscribe tips alerts campaigns", languageCode: "en");
        await _server.WaitForMessagesAsync(1005, 1, Wait);
        Assert.Equal(3, (await _bot.Get<SubscriptionStore>().GetAsync(1005, CancellationToken.None)).Count);

        _server.EnqueueText(1005, "/stop", languageCode: "en");
        await _server.WaitForMessagesAsync(1005, 2, Wait);

        Assert.Empty(await _bot.Get<SubscriptionStore>().GetAsync(1005, CancellationToken.None));
        Assert.Equal(3, await _bot.ScalarAsync<int>("SELECT COUNT(*) FROM consent_log WHERE chat_id = 1005 AND action = 'off' AND source = '/stop'"));
    }

    [Fact]
    public async Task A_user_named_like_html_gets_a_well_formed_message()
    {
        _server.EnqueueText(1006, "/start", firstName: "<b>&x");

        var welcome = (await _server.WaitForMessagesAsync(1006, 1, Wait))[0];

        Assert.Contains("<b>&x", welcome.VisibleText, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;&amp;x", welcome.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.Calls, c => c.Method == "sendMessage" && c.StatusCode != 200);
    }

    [Fact]
    public async Task Unknown_commands_and_bad_arguments_get_a_usage_hint()
    {
        _server.EnqueueText(1007, "/frobnicate", languageCode: "en");
        _server.EnqueueText(1007, "/lang klingon", languageCode: "en");
        _server.EnqueueText(1007, "/quiet 25:00-07:00", languageCode: "en");

        var replies = await _server.WaitForMessagesAsync(1007, 3, Wait);

        Assert.Contains("/frobnicate", replies[0].VisibleText, StringComparison.Ordinal);
        Assert.Contains("/help", replies[0].VisibleText, StringComparison.Ordinal);
        Assert.Contains("/lang zh-Hans|zh-Hant|en", replies[1].VisibleText, StringComparison.Ordinal);
        Assert.Contains("klingon", replies[1].VisibleText, StringComparison.Ordinal);
        Assert.Contains("/quiet", replies[2].VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stickers_photos_and_edits_are_ignored_without_error()
    {
        _server.EnqueueSticker(1008);
        _server.EnqueuePhoto(1008);
        _server.EnqueueEditedText(1008, "/start");
        _server.EnqueueText(1008, "/report", languageCode: "en");

        var replies = await _server.WaitForMessagesAsync(1008, 1, Wait);

        Assert.Contains("96110", replies[0].VisibleText, StringComparison.Ordinal);
        Assert.Single(_server.SentTo(1008));
        Assert.DoesNotContain(_bot.Logs.Events, e => e.Level >= Serilog.Events.LogEventLevel.Error);
    }

    [Fact]
    public async Task Tip_verify_mydata_and_forget_answer()
    {
        _server.EnqueueText(1009, "/tip", languageCode: "en");
        _server.EnqueueText(1009, "/tip", languageCode: "en");
        _server.EnqueueText(1009, "/verify", languageCode: "en");
        _server.EnqueueText(1009, "/quiet 22:00-07:00", languageCode: "en");
        _server.EnqueueText(1009, "/mydata", languageCode: "en");
        _server.EnqueueText(1009, "/forget", languageCode: "en");

        var replies = await _server.WaitForMessagesAsync(1009, 6, Wait);

        Assert.NotEqual(replies[0].VisibleText, replies[1].VisibleText);
        Assert.Contains("@" + _server.BotUsername, replies[2].VisibleText, StringComparison.Ordinal);
        Assert.Contains("22:00-07:00", replies[4].VisibleText, StringComparison.Ordinal);
        Assert.Equal("forgotten", await _bot.ScalarAsync<string>("SELECT status FROM chats WHERE chat_id = 1009"));
        Assert.Equal(0, await _bot.ScalarAsync<int>("SELECT COUNT(*) FROM tip_history WHERE chat_id = 1009"));
    }

    [Fact]
    public async Task The_command_menus_are_registered_per_language_and_for_admins()
    {
        await _server.WaitForCallAsync("setMyCommands", c => c.RequestJson.Contains("\"en\"", StringComparison.Ordinal), Wait);

        var english = _server.RegisteredCommands[FakeBotApiServer.CommandsKey("default", "en")].ToJsonString();
        Assert.Contains("\"subscribe\"", english, StringComparison.Ordinal);
        Assert.DoesNotContain("\"broadcast\"", english, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}

public sealed class PublicCommandsTestsOnSqlite() : PublicCommandsTests(StorageProvider.Sqlite);

public sealed class PublicCommandsTestsOnPostgres() : PublicCommandsTests(StorageProvider.Postgres);
