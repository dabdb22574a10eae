using System.Net;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Microsoft.Extensions.Configuration;

namespace Bot.Tests.Integration.Worker;

/// <summary>Two webhook nodes on one PostgreSQL database: whichever node Telegram posts to, each update gets one reply.</summary>
public sealed class WebhookClusterTests : IAsyncLifetime
{
    private const string Secret = "cluster_Secret-42";
    private const string WebhookUrl = "https://bot.example.test/hook";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private FakeBotApiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_update_posted_to_both_nodes_gets_one_reply_and_updates_posted_alternately_one_each()
    {
        await using var first = await BotUnderTest.StartAsync(StorageProvider.Postgres, _server, Webhook);
        var connectionString = first.Get<IConfiguration>()["Storage:ConnectionString"];
        await using var second = await BotUnderTest.StartAsync(StorageProvider.Sqlite, _server, s =>
        {
            Webhook(s);
            s.Configuration["Storage:Provider"] = "Postgres";
            s.Configuration["Storage:ConnectionString"] = connectionString;
        });
        await Eventually.TrueAsync(() => _server.WebhookUrl == WebhookUrl, within: Wait);

        var twice = _server.EnqueueText(5001, "/start");
        Assert.Equal(HttpStatusCode.OK, await _server.PostToWebhookAsync(twice, via: first.WebAddress));
        Assert.Equal(HttpStatusCode.OK, await _server.PostToWebhookAsync(twice, via: second.WebAddress));
        var users = Enumerable.Range(5101, 100).ToList();
        foreach (var user in users)
        {
            var id = _server.EnqueueText(user, "/start");
            Assert.Equal(HttpStatusCode.OK, await _server.PostToWebhookAsync(id, via: user % 2 == 0 ? first.WebAddress : second.WebAddress));
        }

        foreach (var user in users)
        {
            await _server.WaitForMessagesAsync(user, 1, Wait);
        }
        await first.WaitForAsync("SELECT COUNT(*) FROM webhook_inbox WHERE handled_at IS NOT NULL", 101L);
        Assert.Single(_server.SentTo(5001));
        Assert.All(users, u => Assert.Single(_server.SentTo(u)));
    }

    private static void Webhook(Bot.Worker.Hosting.WorkerHostSettings s)
    {
        s.Configuration["Telegram:Mode"] = "Webhook";
        s.Configuration["Telegram:WebhookUrl"] = WebhookUrl;
        s.Configuration["Telegram:WebhookSecret"] = Secret;
    }
}
