using System.Diagnostics;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Bot.Worker.Storage;
using Xunit.Abstractions;

namespace Bot.Tests.Integration.Worker;

/// <summary>
/// SIGTERM to a worker process in the middle of a broadcast to 2,000 subscribers, while every send takes
/// 200 ms at Telegram: the sends in flight finish and are recorded, the process exits 0 within 15 s, and a
/// restart sends the rest, so every subscriber has the message exactly once.
/// </summary>
public abstract class GracefulStopTests(StorageProvider provider, ITestOutputHelper output)
{
    private const int Subscribers = BroadcastCrashTests.Subscribers;
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Sigterm_mid_broadcast_exits_0_with_every_send_recorded_and_a_restart_sends_each_once()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = RepoPaths.NewTempDirectory("bot-stop");
        await using var storage = await TestStorage.CreateAsync(provider, directory);
        var database = await storage.MigratedAsync();
        await BroadcastCrashTests.SeedAsync(database);
        var args = WorkerProcess.Args(storage, server, directory, "--Delivery:GlobalRatePerSecond=200", "--Delivery:MaxParallelSends=8");
        // Telegram has the message from the moment it handles the call; the answer comes 200 ms later.
        // A send cut off in that gap would be sent again after the restart.
        server.ResponseDelay = TimeSpan.FromMilliseconds(200);

        int exitCode;
        TimeSpan stoppedIn;
        using (var first = WorkerProcess.Start(directory, args))
        {
            await Eventually.TrueAsync(() => server.Sent.Count >= Subscribers / 5, first);
            var stopwatch = Stopwatch.StartNew();
            await first.StopAsync(ExitWithin);
            stoppedIn = stopwatch.Elapsed;
            exitCode = await first.WaitForExitAsync(ExitWithin);
            output.WriteLine(string.Join("\n", first.Output.TakeLast(15)));
        }
        var received = await Eventually.QuietSentCountAsync(server);
        var recorded = await CountAsync(database, "SELECT COUNT(*) FROM outbox WHERE state = 'sent'");
        var queued = await CountAsync(database, "SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'deferred')");
        output.WriteLine($"stopped in {stoppedIn.TotalSeconds:0.0} s, received {received}, recorded {recorded}, queued {queued}");
        Assert.Equal(0, exitCode);
        Assert.True(stoppedIn < ExitWithin, $"stopped in {stoppedIn}");
        Assert.InRange(received, Subscribers / 5, Subscribers - 1);
        // Nothing in flight: every message Telegram has is recorded as sent; the rest is still queued.
        Assert.Equal(received, recorded);
        Assert.Equal(Subscribers, recorded + queued);

        server.ResponseDelay = TimeSpan.Zero;
        using (var second = WorkerProcess.Start(directory, args))
        {
            await Eventually.TrueAsync(() => server.Sent.Select(m => m.ChatId).Distinct().Count() == Subscribers, second);
            await Eventually.TrueAsync(() => CountAsync(database, "SELECT COUNT(*) FROM outbox WHERE state = 'sent'").Result == Subscribers, second);
            await second.StopAsync(ExitWithin);
            Assert.Equal(0, await second.WaitForExitAsync(ExitWithin));
        }
        var copies = server.Sent.GroupBy(m => m.ChatId).Select(g => g.Count()).ToList();
        Assert.Equal(Subscribers, copies.Count);
        Assert.All(copies, c => Assert.Equal(1, c));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static async Task<int> CountAsync(IDatabase database, string sql) =>
        (int)await database.ScalarAsync<long>(sql, null, CancellationToken.None);
}

public sealed class GracefulStopTestsOnSqlite(ITestOutputHelper output) : GracefulStopTests(StorageProvider.Sqlite, output);

public sealed class GracefulStopTestsOnPostgres(ITestOutputHelper output) : GracefulStopTests(StorageProvider.Postgres, output);
