using System.Diagnostics;
using Bot.FakeTelegram;
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
        Assert.DoesNotContain(b.Output, ClusterUnderTest.IsLeading);
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
        // At 100 a second starts follow each other, so the courier claims the next chunk of 32 while one starts: the dead
        // node's claimed rows are at most the sends under way and two chunks; only the sends under way can repeat.
        Assert.InRange(inFlight, 0, MaxParallelSends + 2 * 32);
        Assert.True(repeated <= Math.Min(inFlight, MaxParallelSends), $"{repeated} repeated, {inFlight} were claimed, {MaxParallelSends} at most under way");
        Assert.True(copies.Values.All(c => c <= 2));
        Assert.Equal(1, cluster.Server.MaxConcurrentGetUpdates);
    }

    [Fact]
    public async Task Two_nodes_send_300_reminders_due_in_the_same_minute_once_each()
    {
        const int Reminders = 300;
        await using var cluster = await ClusterUnderTest.StartAsync(output, "--Delivery:GlobalRatePerSecond=0");
        var deadlines = Path.Combine(cluster.Directory, "deadlines.yaml");
        // Each reminder is its own Quartz trigger; they fall in one minute starting 45 s from now.
        await File.WriteAllTextAsync(deadlines, Yaml(Reminders, DateTimeOffset.UtcNow.AddSeconds(45), spreadSeconds: 60));
        var (a, b) = await cluster.StartTwoNodesAsync($"--Bot:DeadlinesFile={deadlines}");

        await Eventually.TrueAsync(() => cluster.Server.SentTo(Member).Count >= Reminders, a, TimeSpan.FromSeconds(150));
        await Eventually.TrueAsync(async () => await cluster.Storage.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'deadline-reminder' AND state = 'sent'") >= Reminders);
        var quiet = await Eventually.QuietSentCountAsync(cluster.Server);

        var titles = cluster.Server.SentTo(Member).Select(m => m.VisibleText.Split('\n')[0]).ToList();
        output.WriteLine($"reminders received {titles.Count} ({quiet} messages in all), max getUpdates at once {cluster.Server.MaxConcurrentGetUpdates}");
        Assert.Equal(Reminders, titles.Count);
        Assert.Equal(Reminders, titles.Distinct().Count());
        Assert.Equal(1, cluster.Server.MaxConcurrentGetUpdates);
        Assert.False(b.HasExited);
    }

    [Fact]
    public async Task A_template_saved_through_one_node_is_used_by_a_reminder_fired_on_the_other()
    {
        await using var cluster = await ClusterUnderTest.StartAsync(output, "--Bot:Admins:0=1");
        var deadlines = Path.Combine(cluster.Directory, "deadlines.yaml");
        await File.WriteAllTextAsync(deadlines, Yaml(1, DateTimeOffset.UtcNow.AddSeconds(40), spreadSeconds: 0));
        var (a, b) = await cluster.StartTwoNodesAsync($"--Bot:DeadlinesFile={deadlines}");

        // Node a leads, so it receives the command; node b has had the shipped version since it started.
        cluster.Server.EnqueueText(1, "/template_set deadline-reminder zh-Hans\n<b>CLUSTER-V2 {{ deadline.title }}</b>");
        await cluster.Server.WaitForMessagesAsync(1, 1, ClusterUnderTest.StartWait);
        await b.WaitForOutputAsync(l => l.Contains("deadline-reminder.zh-Hans", StringComparison.Ordinal) && l.Contains("another node", StringComparison.Ordinal), TimeSpan.FromSeconds(2));
        // Node a leaves: the reminder can only fire on node b, which then also leads and sends it.
        await a.StopAsync(TimeSpan.FromSeconds(30));

        var reminder = await cluster.Server.WaitForMessageAsync(m => m.ChatId == Member, TimeSpan.FromSeconds(90));
        Assert.StartsWith("CLUSTER-V2 Bench deadline 0", reminder.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Killing_a_node_in_the_middle_of_a_reminder_job_runs_the_job_again_on_the_other_node_once()
    {
        await using var cluster = await ClusterUnderTest.StartAsync(output);
        var deadlines = Path.Combine(cluster.Directory, "deadlines.yaml");
        // One reminder 40 s from now, its deadline 10 minutes later (so a recovered run is still in time).
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var due = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddSeconds(40).AddMinutes(10), zone);
        await File.WriteAllTextAsync(deadlines, $$"""
            time_zone: Asia/Shanghai
            teams:
              - id: bench
                lead: {{Member}}
                members: [{{Member}}]
            deadlines:
              - { id: recover, title: Recovered deadline, team: bench, due: {{due:yyyy-MM-ddTHH:mm:ss}}, remind: [10m] }
            """);
        var a = cluster.StartNode("a", $"--Bot:DeadlinesFile={deadlines}");
        await a.WaitForOutputAsync(ClusterUnderTest.IsLeading, ClusterUnderTest.StartWait);

        // Writes to the outbox wait on this lock: the job fires on node a and stops half-way, in its enqueue.
        await using (var blocker = await cluster.Storage.OpenAsync())
        {
            await using var tx = await blocker.BeginTransactionAsync();
            await using (var lockOutbox = blocker.CreateCommand())
            {
                lockOutbox.Transaction = tx;
                lockOutbox.CommandText = "LOCK TABLE outbox IN EXCLUSIVE MODE";
                await lockOutbox.ExecuteNonQueryAsync();
            }
            await Eventually.TrueAsync(
                async () => await cluster.Storage.ScalarAsync<long>("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO outbox%'") > 0,
                TimeSpan.FromSeconds(90));
            a.KillHard();
        }
        Assert.Empty(cluster.Server.SentTo(Member));

        var b = cluster.StartNode("b", $"--Bot:DeadlinesFile={deadlines}");
        var reminder = await cluster.Server.WaitForMessageAsync(m => m.ChatId == Member, TimeSpan.FromSeconds(90));
        await Eventually.QuietSentCountAsync(cluster.Server);

        output.WriteLine($"reminder: {reminder.VisibleText.Split('\n')[0]}");
        Assert.Single(cluster.Server.SentTo(Member));
        Assert.Single(b.Output, l => l.Contains("runs again: the node that was running it stopped mid-run", StringComparison.Ordinal));
        Assert.Contains("Recovered deadline", reminder.VisibleText, StringComparison.Ordinal);
    }

    private const long Member = 7_000_001;

    private static string Yaml(int count, DateTimeOffset minute, int spreadSeconds)
    {
        var yaml = new System.Text.StringBuilder($$"""
            time_zone: Asia/Shanghai
            teams:
              - id: bench
                lead: {{Member}}
                members: [{{Member}}]
            deadlines:

            """);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        for (var i = 0; i < count; i++)
        {
            // Due 30 s after each reminder; reminders spread over the minute.
            var due = TimeZoneInfo.ConvertTime(minute.AddMilliseconds(i * spreadSeconds * 1000.0 / count).AddSeconds(30), zone);
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - {{ id: d{i}, title: Bench deadline {i}, team: bench, due: {due:yyyy-MM-ddTHH:mm:ss}, remind: [30s] }}\n");
        }
        return yaml.ToString();
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
