using System.Net;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Bot.Worker.Hosting;
using Telegram.Bot;

namespace Bot.Tests.Integration.Worker;

/// <summary>
/// Telegram:Mode=Webhook: the leader registers the webhook with its secret; posts are checked, stored in the
/// inbox and handled once. Telegram's public URL is https (the fake insists, like Telegram); the posts reach the
/// worker's Kestrel on loopback at the same path, as through a reverse proxy.
/// </summary>
public abstract class WebhookTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Secret = "it_Secret-0123456789";
    private const string WebhookUrl = "https://bot.example.test/tg/hook";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private FakeBotApiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Registers_the_webhook_with_its_secret_and_replies_once_to_an_update_posted_twice()
    {
        await using var bot = await StartWebhookBotAsync();
        await Eventually.TrueAsync(() => _server.WebhookUrl == WebhookUrl, within: Wait);
        Assert.Equal(Secret, _server.WebhookSecret);
        Assert.Contains("message", _server.AllowedUpdates!);
        Assert.Contains("callback_query", _server.AllowedUpdates!);

        var start = _server.EnqueueText(4101, "/start", firstName: "Mei");
        var first = await _server.PostToWebhookAsync(start, via: bot.WebAddress);
        var again = await _server.PostToWebhookAsync(start, via: bot.WebAddress);

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.OK, again);
        var welcome = await _server.WaitForMessageAsync(m => m.ChatId == 4101, Wait);
        Assert.Contains("Mei", welcome.VisibleText, StringComparison.Ordinal);
        // A later update's reply means the first one was handled (in order) and not handled again.
        var help = _server.EnqueueText(4101, "/help");
        Assert.Equal(HttpStatusCode.OK, await _server.PostToWebhookAsync(help, via: bot.WebAddress));
        await _server.WaitForMessagesAsync(4101, 2, Wait);
        await bot.WaitForAsync("SELECT COUNT(*) FROM webhook_inbox WHERE handled_at IS NOT NULL AND payload IS NULL", 2L);
        Assert.Equal(2, _server.SentTo(4101).Count);
        Assert.Equal(2L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM webhook_inbox"));
        Assert.DoesNotContain(_server.Calls, c => c.Method == "getUpdates");
    }

    [Theory]
    [InlineData("not-the-secret")]
    [InlineData("")]
    public async Task A_post_with_a_wrong_or_missing_secret_gets_401_and_no_reply(string secret)
    {
        await using var bot = await StartWebhookBotAsync();
        await Eventually.TrueAsync(() => _server.WebhookUrl == WebhookUrl, within: Wait);

        var forged = _server.EnqueueText(4201, "/start");
        var status = await _server.PostToWebhookAsync(forged, via: bot.WebAddress, secret: secret);
        var genuine = _server.EnqueueText(4202, "/start");
        Assert.Equal(HttpStatusCode.OK, await _server.PostToWebhookAsync(genuine, via: bot.WebAddress));
        await _server.WaitForMessagesAsync(4202, 1, Wait);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Empty(_server.SentTo(4201));
        Assert.Equal(1L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM webhook_inbox"));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Polling_mode_deletes_the_webhook_polls_and_does_not_serve_the_webhook_path()
    {
        using var http = new HttpClient();
        var client = new TelegramBotClient(new TelegramBotClientOptions(_server.Token, _server.BaseUrl), http);
        await client.SetWebhook(WebhookUrl, secretToken: Secret);

        await using var bot = await BotUnderTest.StartAsync(provider, _server, s =>
        {
            s.Configuration["Telegram:WebhookUrl"] = WebhookUrl;
            s.Configuration["Telegram:WebhookSecret"] = Secret;
        });
        await _server.WaitForCallAsync("deleteWebhook", null, Wait);
        _server.EnqueueText(4301, "/start");
        await _server.WaitForMessagesAsync(4301, 1, Wait);

        Assert.Null(_server.WebhookUrl);
        using var post = new StringContent("""{"update_id":1}""", System.Text.Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(bot.WebAddress, "/tg/hook")) { Content = post };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM webhook_inbox"));
    }

    private Task<BotUnderTest> StartWebhookBotAsync(Action<WorkerHostSettings>? configure = null) =>
        BotUnderTest.StartAsync(provider, _server, s =>
        {
            s.Configuration["Telegram:Mode"] = "Webhook";
            s.Configuration["Telegram:WebhookUrl"] = WebhookUrl;
            s.Configuration["Telegram:WebhookSecret"] = Secret;
            configure?.Invoke(s);
        });
}

public sealed class WebhookTestsOnSqlite() : WebhookTests(StorageProvider.Sqlite);

public sealed class WebhookTestsOnPostgres() : WebhookTests(StorageProvider.Postgres);
