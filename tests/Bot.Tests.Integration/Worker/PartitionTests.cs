using System.Diagnostics;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Npgsql;
using Xunit.Abstractions;

namespace Bot.Tests.Integration.Worker;

/// <summary>
/// Two worker processes on one PostgreSQL at the default rate, and the network misbehaving mid-broadcast: the leader's
/// connections go silent (a relay between it and PostgreSQL stops forwarding, closing nothing), or PostgreSQL restarts
/// (pg_ctl restart -m fast). Nothing is lost, only rows in flight repeat, one node polls, and the silent one stays a
/// follower after the partition heals.
/// </summary>
public sealed class PartitionTests(ITestOutputHelper output)
{
    private const int Subscribers = 400;
    private const int DefaultRate = 25;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_leader_whose_database_goes_silent_mid_broadcast_stops_within_10_s_and_the_other_node_takes_over_within_30_s()
    {
        await using var cluster = await ClusterUnderTest.StartAsync(output);
        await ClusterTests.SeedBroadcastAsync(await cluster.Storage.MigratedAsync(), Subscribers);
        await using var relay = FreezableRelay.Start(new NpgsqlConnectionStringBuilder(cluster.Storage.ConnectionString).Port);
        var throughRelay = new NpgsqlConnectionStringBuilder(cluster.Storage.ConnectionString) { Host = "127.0.0.1", Port = relay.Port }.ConnectionString;
        var a = cluster.StartNode("a", $"--Storage:ConnectionString={throughRelay}", cluster.ApiViaLocalhost());
        await a.WaitForOutputAsync(ClusterUnderTest.IsLeading, ClusterUnderTest.StartWait);
        var b = cluster.StartNode("b");
        await b.WaitForOutputAsync(l => l.Contains("Application started", StringComparison.Ordinal), ClusterUnderTest.StartWait);
        var server = cluster.Server;
        await Eventually.TrueAsync(() => server.SentCount >= Subscribers * 2 / 5, a, Wait);

        relay.Freeze();
        var frozenAt = Stopwatch.GetTimestamp();
        // Node a cannot write any more and node b does not lead yet: what is in flight now is node a's.
        var inFlight = await cluster.Storage.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE state = 'sending'");
        await Eventually.TrueAsync(() => Sends(server, B).Any(), b, TimeSpan.FromSeconds(40),
            () => $"sends via a: {Sends(server, A).Count()}, via b: {Sends(server, B).Count()}, calls via b: {string.Join(", ", server.Calls.Where(c => c.Via == B).GroupBy(c => c.Method).Select(g => $"{g.Key} {g.Count()}"))}");
        var takeover = Stopwatch.GetElapsedTime(frozenAt, Sends(server, B).Min(c => c.ReceivedTimestamp));
        var lastOfA = Sends(server, A).Where(c => c.ReceivedTimestamp > frozenAt).Select(c => Stopwatch.GetElapsedTime(frozenAt, c.ReceivedTimestamp)).DefaultIfEmpty().Max();
        await Eventually.TrueAsync(() => server.Sent.Select(m => m.ChatId).Distinct().Count() >= Subscribers, b, Wait);
        await Eventually.TrueAsync(async () => await cluster.Storage.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE state = 'sent'") >= Subscribers);

        var copies = Copies(server);
        var repeated = copies.Values.Count(c => c > 1);
        var busiest = FakeBotApiServer.MaxInAnyWindow(server.Sent.Select(m => m.ReceivedTimestamp), TimeSpan.FromSeconds(1));
        output.WriteLine($"node a's last send {lastOfA.TotalSeconds:F1} s after the freeze; node b's first {takeover.TotalSeconds:F1} s after it; " +
            $"in flight {inFlight}, repeated {repeated}, busiest second {busiest}, getUpdates at once {server.MaxConcurrentGetUpdates}");
        Assert.Equal(Subscribers, copies.Count);
        Assert.True(lastOfA <= TimeSpan.FromSeconds(10), $"node a sent {lastOfA.TotalSeconds:F1} s into the silence");
        Assert.True(takeover < TimeSpan.FromSeconds(30), $"node b took over after {takeover.TotalSeconds:F1} s");
        Assert.True(repeated <= inFlight, $"{repeated} repeated, {inFlight} were in flight");
        Assert.All(copies.Values, c => Assert.InRange(c, 1, 2));
        Assert.InRange(busiest, 1, DefaultRate);
        Assert.Equal(1, server.MaxConcurrentGetUpdates);
        Assert.Equal(0, server.GetUpdatesConflicts);

        // The partition heals: node a's late writes reach the database and are refused; it follows, sends and polls nothing.
        relay.Thaw();
        var thawedAt = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(Sends(server, A), c => c.ReceivedTimestamp > thawedAt);
        Assert.DoesNotContain(server.Calls, c => c.Via == A && c.Method == "getUpdates" && c.ReceivedTimestamp > thawedAt);
        Assert.Equal(copies, Copies(server));
        Assert.Equal(Subscribers, await cluster.Storage.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE state = 'sent'"));
        Assert.Single(a.Output, ClusterUnderTest.IsLeading);
        Assert.Equal(1, server.MaxConcurrentGetUpdates);
    }

    [Fact]
    public async Task A_fast_restart_of_postgresql_mid_broadcast_leaves_a_leader_within_30_s_and_loses_nothing()
    {
        await using var postgres = await PostgresServer.StartNewAsync();
        var directory = RepoPaths.NewTempDirectory("bot-cluster");
        var storage = TestStorage.OnPostgres(await postgres.CreateDatabaseAsync("restart"));
        await using var cluster = await ClusterUnderTest.StartAsync(output, storage, directory);
        await ClusterTests.SeedBroadcastAsync(await cluster.Storage.MigratedAsync(), Subscribers);
        var (a, _) = await cluster.StartTwoNodesAsync();
        var server = cluster.Server;
        await Eventually.TrueAsync(() => server.SentCount >= Subscribers * 2 / 5, a, Wait);

        var restartedAt = Stopwatch.GetTimestamp();
        await postgres.StopAsync();
        await postgres.StartAsync();
        var before = server.SentCount;
        await Eventually.TrueAsync(() => server.Sent.Skip(before).Any(m => m.ReceivedTimestamp > restartedAt), a, TimeSpan.FromSeconds(40));
        var resumed = Stopwatch.GetElapsedTime(restartedAt, server.Sent.Where(m => m.ReceivedTimestamp > restartedAt).Min(m => m.ReceivedTimestamp));
        await Eventually.TrueAsync(() => server.Sent.Select(m => m.ChatId).Distinct().Count() >= Subscribers, a, Wait);
        await Eventually.TrueAsync(async () => await CountAfterRestartAsync(cluster.Storage, "SELECT COUNT(*) FROM outbox WHERE state = 'sent'") >= Subscribers);

        var copies = Copies(server);
        output.WriteLine($"sending resumed {resumed.TotalSeconds:F1} s after the restart began; repeated {copies.Values.Count(c => c > 1)}");
        Assert.Equal(Subscribers, copies.Count);
        Assert.True(resumed < TimeSpan.FromSeconds(30), $"nobody sent for {resumed.TotalSeconds:F1} s");
        Assert.All(copies.Values, c => Assert.InRange(c, 1, 2));
        Assert.Equal(1, server.MaxConcurrentGetUpdates);
        Assert.Equal(0L, await cluster.Storage.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE state <> 'sent'"));
    }

    // Node a calls the fake by the name localhost, node b by 127.0.0.1.
    private const string A = ClusterUnderTest.ViaLocalhost, B = ClusterUnderTest.ViaLoopback;

    private static IEnumerable<ApiCall> Sends(FakeBotApiServer server, string node) =>
        server.Calls.Where(c => c.Via == node && c.Method == "sendMessage" && c.Ok);

    // The test's own pooled connections did not survive the restart either: a broken one fails once, then the pool opens anew.
    private static async Task<long> CountAfterRestartAsync(TestStorage storage, string sql)
    {
        try
        {
            return await storage.ScalarAsync<long>(sql);
        }
        catch (NpgsqlException)
        {
            return -1;
        }
    }

    private static Dictionary<long, int> Copies(FakeBotApiServer server) =>
        server.Sent.Where(m => m.ChatId >= ClusterTests.FirstChat).GroupBy(m => m.ChatId).ToDictionary(g => g.Key, g => g.Count());
}
