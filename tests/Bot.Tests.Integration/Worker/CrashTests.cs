using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Bot.Worker.Delivery;
using Bot.Worker.Storage;
using Xunit.Abstractions;

namespace Bot.Tests.Integration.Worker;

/// <summary>kill -9 of a real worker process mid-drain, then a restart: every key sent once, but for the sends in flight at the kill.</summary>
public abstract class CrashTests(StorageProvider provider, ITestOutputHelper output)
{
    private const int Messages = 200;
    private const int MaxParallelSends = 8;

    [Fact]
    public async Task A_worker_killed_mid_drain_sends_every_key_exactly_once_after_restart()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = RepoPaths.NewTempDirectory("bot-crash");
        await using var storage = await TestStorage.CreateAsync(provider, directory);
        var database = await QueueMessagesAsync(storage);
        var args = WorkerProcess.Args(storage, server, directory, "--Delivery:GlobalRatePerSecond=50", $"--Delivery:MaxParallelSends={MaxParallelSends}");

        using (var first = WorkerProcess.Start(directory, args))
        {
            await Eventually.TrueAsync(() => server.Sent.Count >= Messages * 2 / 5, first);
            first.KillHard();
        }
        // Requests already in the server's socket when the process died are still read: let them land.
        var receivedBeforeKill = await Eventually.QuietSentCountAsync(server);
        var recordedBeforeKill = await CountSentAsync(database);
        Assert.InRange(receivedBeforeKill, Messages / 5, Messages - 1);

        using (var second = WorkerProcess.Start(directory, args))
        {
            await Eventually.TrueAsync(() => server.Sent.Select(m => m.Text).Distinct().Count() == Messages, second);
            await Eventually.TrueAsync(() => CountSentAsync(database).Result == Messages, second);
        }

        var inFlightAtKill = receivedBeforeKill - recordedBeforeKill;
        var copies = server.Sent.GroupBy(m => m.Text).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"received before kill {receivedBeforeKill}, recorded {recordedBeforeKill}, in flight {inFlightAtKill}, repeated {copies.Values.Count(c => c > 1)}");
        Assert.Equal(Messages, copies.Count);
        Assert.InRange(inFlightAtKill, 0, MaxParallelSends);
        Assert.True(copies.Values.Count(c => c > 1) <= inFlightAtKill,
            $"{copies.Values.Count(c => c > 1)} keys repeated, {inFlightAtKill} were in flight at the kill");
        Assert.All(copies.Values, c => Assert.InRange(c, 1, 2));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static async Task<IDatabase> QueueMessagesAsync(TestStorage storage)
    {
        var database = await storage.MigratedAsync();
        using var signal = new DispatchSignal();
        var outbox = new OutboxStore(database, TimeProvider.System, signal, new Bot.Worker.Cluster.AlwaysLeader(new Bot.Worker.Cluster.ClusterNode("test"), new Bot.Worker.Cluster.LeaseStore(database)), new Bot.Worker.Cluster.SingleNodeSignals());
        var messages = Enumerable.Range(0, Messages)
            .Select(i => new OutgoingMessage($"crash-{i:000}", 500_000 + i, $"crash message {i:000}", MessagePriority.Tip, "test"))
            .ToList();
        Assert.Equal(Messages, await outbox.EnqueueManyAsync(messages, CancellationToken.None));
        return database;
    }

    private static async Task<int> CountSentAsync(IDatabase database) =>
        (int)await database.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE state = 'sent'", null, CancellationToken.None);
}

public sealed class CrashTestsOnSqlite(ITestOutputHelper output) : CrashTests(StorageProvider.Sqlite, output);

public sealed class CrashTestsOnPostgres(ITestOutputHelper output) : CrashTests(StorageProvider.Postgres, output);
