using System.Diagnostics;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Bot.Worker.Storage;
using Xunit.Abstractions;

namespace Bot.Tests.Integration.Worker;

/// <summary>
/// Several worker processes on one PostgreSQL database against the fake Bot API server: one leader
/// polls and sends, the others take over when it dies, every promise of a single node holds.
/// </summary>
public sealed class ClusterTests(ITestOutputHelper output)
{
    private const int Subscribers = 2000;
    private const int Rate = 100;
    private const int MaxParallelSends = 8;

    [Fact]
    public async Task Two_nodes_send_a_broadcast_once_each_within_the_global_rate_with_one_poller()
    {
        await using var cluster = await ClusterUnderTest.StartAsync(output, $"--Delivery:GlobalRatePerSecond={Rate}", $"--Delivery:MaxParallelSends={MaxParallelSends}");
        await SeedBroadcastAsync(await cluster.Storage.MigratedAsync());
        var (a, b) = await cluster.StartTwoNodesAsync();

        await Eventually.TrueAsync(() => cluster.Server.Sent.Select(m => m.ChatId).Distinct().Count() >= Subscribers, a, TimeSpan.FromSeconds(120));
        await Eventually.TrueAsync(async () => await cluster.Storage.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE state = 'sent'") >= Subscribers);

        var copies = cluster.Server.Sent.Where(m => m.ChatId >= FirstChat).GroupBy(m => m.ChatId).Select(g => g.Count()).ToList();
        var busiest = FakeBotApiServer.MaxInAnyWindow(cluster.Server.Sent.Select(m => m.ReceivedTimestamp), TimeSpan.FromSeconds(1));
        var claimedBy = await cluster.Storage.ScalarAsync<long>("SELECT COUNT(DISTINCT claimed_by) FROM outbox");
        output.WriteLine($"busiest second {busiest}, max getUpdates at once {cluster.Server.MaxConcurrentGetUpdates}, 409s {cluster.Server.GetUpdatesConflicts}, senders {claimedBy}");
        Assert.Equal(Subscribers, copies.Count);
        Assert.All(copies, c => Assert.Equal(1, c));
        Assert.InRange(busiest, 1, Rate);
        Assert.Equal(1, cluster.Server.MaxConcurrentGetUpdates);
        Assert.Equal(0, cluster.Server.GetUpdatesConflicts);
        Assert.Equal(1, claimedBy);
        Assert.DoesNotContain(b.Output, l => l.Contains("leads (polls", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Killing_the_leader_mid_broadcast_hands_over_within_20_s_and_repeats_only_rows_in_flight()
    {
        await using var cluster = await ClusterUnderTest.StartAsync(output, $"--Delivery:GlobalRatePerSecond={Rate}", $"--Delivery:MaxParallelSends={MaxParallelSends}");
        await SeedBroadcastAsync(await cluster.Storage.MigratedAsync());
        var (a, b) = await cluster.StartTwoNodesAsync();

        await Eventually.TrueAsync(() => cluster.Server.SentCount >= Subscribers * 2 / 5, a, TimeSpan.FromSeconds(120));
        a.KillHard();
        var killedAt = Stopwatch.GetTimestamp();
        // The new leader waits for the lease and a grace period before it releases the claims: this count is the dead node's.
        var inFlight = await cluster.Storage.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE state = 'sending'");
        var received = await Eventually.QuietSentCountAsync(cluster.Server);

        await Eventually.TrueAsync(() => cluster.Server.SentCount > received, b, TimeSpan.FromSeconds(30));
        var failover = Stopwatch.GetElapsedTime(killedAt, cluster.Server.Sent.Skip(received).Min(m => m.ReceivedTimestamp));
        await Eventually.TrueAsync(() => cluster.Server.Sent.Select(m => m.ChatId).Distinct().Count() >= Subscribers, b, TimeSpan.FromSeconds(120));
        await Eventually.TrueAsync(async () => await cluster.Storage.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE state = 'sent'") >= Subscribers);

        var copies = cluster.Server.Sent.Where(m => m.ChatId >= FirstChat).GroupBy(m => m.ChatId).ToDictionary(g => g.Key, g => g.Count());
        var repeated = copies.Values.Count(c => c > 1);
        output.WriteLine($"sent before kill {received}, in flight {inFlight}, repeated {repeated}, failover {failover.TotalSeconds:F1} s");
        Assert.Equal(Subscribers, copies.Count);
        Assert.True(failover < TimeSpan.FromSeconds(20), $"failover took {failover.TotalSeconds:F1} s");
        Assert.InRange(inFlight, 0, MaxParallelSends);
        Assert.True(repeated <= inFlight, $"{repeated} repeated, {inFlight} were in flight");
        Assert.True(copies.Values.All(c => c <= 2));
        Assert.Equal(1, cluster.Server.MaxConcurrentGetUpdates);
    }

    internal const long FirstChat = 600_000;

    /// <summary>Subscribers of tips and an approved campaign run, not enqueued yet.</summary>
    internal static Task SeedBroadcastAsync(IDatabase database, int subscribers = Subscribers) => database.InTransactionAsync(async ct =>
    {
        var chats = Enumerable.Range(0, subscribers).Select(i => new { Id = FirstChat + i, Language = (i % 3) switch { 0 => "zh-Hans", 1 => "zh-Hant", _ => "en" } }).ToList();
        await database.ExecuteAsync("INSERT INTO chats (chat_id, kind, user_id, first_name, language, status, status_at, created_at, updated_at) VALUES (@Id, 'private', @Id, 'User', @Language, 'active', 0, 0, 0)", chats, ct);
        await database.ExecuteAsync("INSERT INTO subscriptions (chat_id, topic, since) VALUES (@Id, 'tips', 0)", chats, ct);
        await database.ExecuteAsync("""
            INSERT INTO broadcasts (run_key, kind, campaign_id, topic, template, rotate, state, created_at)
            VALUES ('campaign:weekly-tip@1', 'campaign', 'weekly-tip', 'tips', 'awareness-tip', 'tips', 'approved', 0)
            """, null, ct);
    }, CancellationToken.None);
}
