using System.Diagnostics;
using System.Globalization;
using Bot.FakeTelegram;
using Bot.Worker.Awareness;
using Bot.Worker.Hosting;
using Bot.Worker.Storage;
using Bot.Worker.Storage.Postgres;
using Bot.Worker.Storage.Sqlite;
using Bot.Worker.Templating;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Bench;

/// <summary>
/// A broadcast to 100,000 subscribers on SQLite or PostgreSQL: the time and peak memory to enqueue it (the worker's
/// real enqueuer, with tip rotation), then the drain rate with rate limits off against the plain
/// SendMessage loop on the same fake server in the same run.
/// </summary>
internal static class BroadcastBenchmark
{
    public sealed record Result(int Subscribers, TimeSpan Enqueue, double RssBeforeMb, double PeakRssMb, double PlainLoop, double Drain);

    public static async Task<Result> RunAsync(int subscribers, BenchStorage storage)
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = Path.Combine(Path.GetTempPath(), "bot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var (enqueue, before, peak) = await EnqueueAsync(server, directory, subscribers, storage);

        var plain = await DispatchBenchmark.PlainLoopAsync(server, 5000, chatBase: 9_500_000);
        var sentBefore = server.SentCount;
        var watch = Stopwatch.StartNew();
        await using (var worker = await BenchWorker.StartAsync(server, 0, 0, directory, storage))
        {
            while (server.SentCount - sentBefore < subscribers)
            {
                await Task.Delay(100);
            }
        }
        return new Result(subscribers, enqueue, before, peak, plain, subscribers / watch.Elapsed.TotalSeconds);
    }

    /// <summary>The worker's services without starting it: seed the audience, then time the enqueuer alone.</summary>
    private static async Task<(TimeSpan Elapsed, double RssBeforeMb, double PeakRssMb)> EnqueueAsync(FakeBotApiServer server, string directory, int subscribers, BenchStorage storage)
    {
        var settings = BenchWorker.Settings(server, directory, 0, 0, storage);
        using var host = WorkerHost.CreateBuilder([], settings).Build();
        await host.Services.GetServices<IHostedService>().First(s => s is SqliteStorageInitializer or PostgresStorageInitializer).StartAsync(CancellationToken.None);
        await host.Services.GetServices<IHostedService>().OfType<TemplatesLoader>().Single().StartAsync(CancellationToken.None);
        await SeedAsync(host.Services.GetRequiredService<IDatabase>(), subscribers);
        var (id, _) = await host.Services.GetRequiredService<BroadcastStore>().CreateAsync(new Broadcast
        {
            RunKey = "campaign:bench@1", Kind = BroadcastKind.Campaign, CampaignId = "bench", Topic = "tips", Template = "awareness-tip", Rotate = "tips",
        }, CancellationToken.None);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        // Peak memory from here on, not the earlier benchmarks' or the seeding's (Linux: "5" resets VmHWM).
        File.WriteAllText("/proc/self/clear_refs", "5");
        var before = Memory("VmRSS");
        var watch = Stopwatch.StartNew();
        await host.Services.GetRequiredService<BroadcastEnqueuer>().RunAsync(id, CancellationToken.None);
        return (watch.Elapsed, before, Memory("VmHWM"));
    }

    private static Task SeedAsync(IDatabase database, int subscribers) => database.InTransactionAsync(async ct =>
    {
        var chats = Enumerable.Range(0, subscribers).Select(i => new { Id = 10_000_000L + i, Language = (i % 3) switch { 0 => "zh-Hans", 1 => "zh-Hant", _ => "en" } }).ToList();
        await database.ExecuteAsync("INSERT INTO chats (chat_id, kind, user_id, first_name, language, status, status_at, created_at, updated_at) VALUES (@Id, 'private', @Id, 'User', @Language, 'active', 0, 0, 0)", chats, ct);
        await database.ExecuteAsync("INSERT INTO subscriptions (chat_id, topic, since) VALUES (@Id, 'tips', 0)", chats, ct);
    }, CancellationToken.None);

    private static double Memory(string field) =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
}
