using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Bot.Worker.Storage;
using Xunit.Abstractions;

namespace Bot.Tests.Integration.Worker;

/// <summary>A broadcast to 2,000 subscribers; the worker process is killed (-9) at about 40 % and restarted.</summary>
public abstract class BroadcastCrashTests(StorageProvider provider, ITestOutputHelper output)
{
    internal const int Subscribers = 2000;
    private const int MaxParallelSends = 8;

    [Fact]
    public async Task Each_subscriber_gets_exactly_one_message_after_a_kill_mid_broadcast()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = RepoPaths.NewTempDirectory("bot-bcrash");
        await using var storage = await TestStorage.CreateAsync(provider, directory);
        var database = await storage.MigratedAsync();
        await SeedAsync(database);
        var args = WorkerProcess.Args(storage, server, directory, "--Delivery:GlobalRatePerSecond=200", $"--Delivery:MaxParallelSends={MaxParallelSends}");

        using (var first = WorkerProcess.Start(directory, args))
        {
            await Eventually.TrueAsync(() => server.Sent.Count >= Subscribers * 2 / 5, first);
            first.KillHard();
        }
        var received = await Eventually.QuietSentCountAsync(server);
        var recorded = await CountAsync(database, "SELECT COUNT(*) FROM outbox WHERE state = 'sent'");
        Assert.InRange(received, Subscribers / 5, Subscribers - 1);

        using (var second = WorkerProcess.Start(directory, args))
        {
            await Eventually.TrueAsync(() => server.Sent.Select(m => m.ChatId).Distinct().Count() == Subscribers, second);
            await Eventually.TrueAsync(() => CountAsync(database, "SELECT COUNT(*) FROM outbox WHERE state = 'sent'").Result == Subscribers, second);
        }

        var inFlight = received - recorded;
        var copies = server.Sent.GroupBy(m => m.ChatId).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"received before kill {received}, recorded {recorded}, in flight {inFlight}, repeated {copies.Values.Count(c => c > 1)}");
        Assert.Equal(Subscribers, copies.Count);
        Assert.InRange(inFlight, 0, MaxParallelSends);
        Assert.True(copies.Values.Count(c => c > 1) <= inFlight);
        Assert.Equal(Subscribers, await CountAsync(database, "SELECT total FROM broadcasts WHERE id = 1"));
        Assert.Equal(Subscribers, await CountAsync(database, "SELECT COUNT(*) FROM tip_history"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>2,000 subscribers of tips and an approved campaign run, as the worker left them before it was restarted.</summary>
    internal static Task SeedAsync(IDatabase database) => database.InTransactionAsync(async ct =>
    {
        var chats = Enumerable.Range(0, Subscribers).Select(i => new { Id = 600_000L + i, Language = (i % 3) switch { 0 => "zh-Hans", 1 => "zh-Hant", _ => "en" } }).ToList();
        await database.ExecuteAsync("INSERT INTO chats (chat_id, kind, user_id, first_name, language, status, status_at, created_at, updated_at) VALUES (@Id, 'private', @Id, 'User', @Language, 'active', 0, 0, 0)", chats, ct);
        await database.ExecuteAsync("INSERT INTO subscriptions (chat_id, topic, since) VALUES (@Id, 'tips', 0)", chats, ct);
        await database.ExecuteAsync("""
            INSERT INTO broadcasts (run_key, kind, campaign_id, topic, template, rotate, state, created_at)
            VALUES ('campaign:weekly-tip@1', 'campaign', 'weekly-tip', 'tips', 'awareness-tip', 'tips', 'approved', 0)
            """, null, ct);
    }, CancellationToken.None);

    private static async Task<int> CountAsync(IDatabase database, string sql) =>
        (int)await database.ScalarAsync<long>(sql, null, CancellationToken.None);
}

public sealed class BroadcastCrashTestsOnSqlite(ITestOutputHelper output) : BroadcastCrashTests(StorageProvider.Sqlite, output);

public sealed class BroadcastCrashTestsOnPostgres(ITestOutputHelper output) : BroadcastCrashTests(StorageProvider.Postgres, output);
