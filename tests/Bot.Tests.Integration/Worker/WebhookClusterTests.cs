using System.Net;
using Bot.Tests.Integration.Support;
using Xunit.Abstractions;

namespace Bot.Tests.Integration.Worker;

/// <summary>Two webhook worker processes on one PostgreSQL database: whichever node Telegram posts to, each update gets one reply.</summary>
public sealed class WebhookClusterTests(ITestOutputHelper output)
{
    private const string Secret = "cluster_Secret-42";
    private const string WebhookUrl = "https://bot.example.test/hook";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_update_posted_to_both_nodes_gets_one_reply_and_updates_posted_alternately_one_each()
    {
        await using var cluster = await ClusterUnderTest.StartAsync(output, "--Telegram:Mode=Webhook", $"--Telegram:WebhookUrl={WebhookUrl}", $"--Telegram:WebhookSecret={Secret}");
        var (a, b) = await cluster.StartTwoNodesAsync();
        var first = await WebAddressAsync(a);
        var second = await WebAddressAsync(b);
        await Eventually.TrueAsync(() => cluster.Server.WebhookUrl == WebhookUrl, within: Wait);

        var twice = cluster.Server.EnqueueText(5001, "/start");
        Assert.Equal(HttpStatusCode.OK, await cluster.Server.PostToWebhookAsync(twice, via: first));
        Assert.Equal(HttpStatusCode.OK, await cluster.Server.PostToWebhookAsync(twice, via: second));
        var users = Enumerable.Range(5101, 100).ToList();
        foreach (var user in users)
        {
            var id = cluster.Server.EnqueueText(user, "/start");
            Assert.Equal(HttpStatusCode.OK, await cluster.Server.PostToWebhookAsync(id, via: user % 2 == 0 ? first : second));
        }

        foreach (var user in users)
        {
            await cluster.Server.WaitForMessagesAsync(user, 1, Wait);
        }
        await Eventually.TrueAsync(async () => await cluster.Storage.ScalarAsync<long>("SELECT COUNT(*) FROM webhook_inbox WHERE handled_at IS NOT NULL") == 101L, Wait);
        await Eventually.QuietSentCountAsync(cluster.Server);
        Assert.Single(cluster.Server.SentTo(5001));
        Assert.All(users, u => Assert.Single(cluster.Server.SentTo(u)));
        Assert.Equal(0, cluster.Server.GetUpdatesConflicts);
    }

    /// <summary>The address Kestrel bound (the node listens on a free port).</summary>
    private static async Task<Uri> WebAddressAsync(WorkerProcess node)
    {
        const string Marker = "Now listening on: ";
        await node.WaitForOutputAsync(l => l.Contains(Marker, StringComparison.Ordinal), ClusterUnderTest.StartWait);
        var line = node.Output.First(l => l.Contains(Marker, StringComparison.Ordinal));
        return new Uri(line[(line.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].Trim());
    }
}
