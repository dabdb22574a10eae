using System.Net;
using System.Net.Sockets;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Bot.Tests.Integration.FakeServer;

/// <summary>setWebhook, getWebhookInfo, deleteWebhook and the test helper that posts an update the way Telegram does.</summary>
public sealed class WebhookMethodsTests : FakeServerTest
{
    [Fact]
    public async Task A_webhook_with_a_secret_is_reported_and_blocks_getUpdates_until_deleted()
    {
        await Bot.SetWebhook("https://bot.example.org/tg/hook", allowedUpdates: [UpdateType.Message, UpdateType.CallbackQuery], secretToken: "s3cret_-X");

        var info = await Bot.GetWebhookInfo();
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.GetUpdates());
        await Bot.DeleteWebhook();
        var after = await Bot.GetWebhookInfo();

        Assert.Equal("https://bot.example.org/tg/hook", info.Url);
        Assert.Equal(["callback_query", "message"], Server.AllowedUpdates);
        Assert.Equal(409, error.ErrorCode);
        Assert.Contains("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first", error.Message, StringComparison.Ordinal);
        Assert.Equal("", after.Url);
        Assert.Null(Server.WebhookSecret);
        Assert.Empty(await Bot.GetUpdates());
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    public async Task A_secret_with_characters_telegram_refuses_is_a_bad_request(string secret)
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SetWebhook("https://bot.example.org/hook", secretToken: secret));

        Assert.Equal(400, error.ErrorCode);
        Assert.Null(Server.WebhookUrl);
    }

    [Fact]
    public async Task Posts_an_update_with_the_registered_secret_to_the_registered_path()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        await Bot.SetWebhook("https://bot.example.org/tg/hook?k=1", secretToken: "s3cret");
        var id = Server.EnqueueText(77, "/start");

        var posting = Server.PostToWebhookAsync(id, via: new Uri($"http://127.0.0.1:{port}"));
        var context = await listener.GetContextAsync().WaitAsync(Generous);
        var body = await new StreamReader(context.Request.InputStream).ReadToEndAsync();
        var secret = context.Request.Headers["X-Telegram-Bot-Api-Secret-Token"];
        var path = context.Request.Url!.PathAndQuery;
        context.Response.StatusCode = 200;
        context.Response.Close();
        var status = await posting;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("/tg/hook?k=1", path);
        Assert.Equal("s3cret", secret);
        Assert.Contains($"\"update_id\":{id}", body, StringComparison.Ordinal);
        Assert.Contains("/start", body, StringComparison.Ordinal);
        Assert.Equal(0, Server.PendingUpdateCount);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
