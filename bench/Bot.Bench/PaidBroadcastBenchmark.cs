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
/// Issue 22, one million subscribers:
/// <list type="bullet">
/// <item>the enqueue of one approved alert (its own text, three languages, no tip rotation) to <c>subscribers</c>
/// subscribers: time and peak resident memory of the process, the enqueuer alone (as in the broadcast benchmark);</item>
/// <item>then the paid drain: the worker as a process of its own (so its CPU and memory are its own, read from /proc),
/// Delivery:PaidBroadcast on, against the fake Bot API enforcing 1,000 paid sends a second and the free 30 for the rest,
/// for <c>drain</c>: messages a second overall and per second, 429s, the busiest second, the worker's memory over time,
/// its CPU per message, and 100 /start from new users sent during the drain, answered how fast.</item>
/// </list>
/// </summary>
internal static class PaidBroadcastBenchmark
{
    public const int PaidLimit = 1000;

    public sealed record Result(
        int Subscribers, TimeSpan Enqueue, double RssBeforeMb, double PeakRssMb,
        double Rate, int Sent, int Busiest, int TooMany, double FirstMinuteMaxMb, double MaxMb, double CpuMicrosPerMessage,
        TimeSpan StartP50, TimeSpan StartP99, int StartsAnswered, int StartsSent);

    public static async Task<Result> RunAsync(int subscribers, TimeSpan drain, BenchStorage storage)
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = Path.Combine(Path.GetTempPath(), "bot-bench-paid-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var (enqueue, before, peak) = await EnqueueAsync(server, directory, subscribers, storage);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (storage.Provider == Bot.TestDatabases.StorageProvider.Postgres && Environment.GetEnvironmentVariable("BENCH_EXPLAIN") == "1")
        {
            await ExplainAsync(storage);
        }

        server.EnforceFloodLimits(globalPerSecond: 30, perChatPerSecond: 1, retryAfterSeconds: 5, paidPerSecond: PaidLimit);
        using var worker = StartWorker(server, directory, storage);
        try
        {
            // Wait for the first paid send, then measure the drain from there.
            var started = Stopwatch.StartNew();
            while (!server.Sent.Any(m => m.Paid))
            {
                if (started.Elapsed > TimeSpan.FromMinutes(2) || worker.HasExited)
                {
                    throw new InvalidOperationException("the worker sent nothing within 2 minutes");
                }
                await Task.Delay(50);
            }
            var cpuAtStart = CpuTicks(worker.Id);
            var sentAtStart = server.SentCount;
            var from = Stopwatch.GetTimestamp();
            var memory = new List<(TimeSpan At, double Mb)>();
            var starts = new List<(long ChatId, long Asked)>();
            var random = new Random(22);
            var nextStart = TimeSpan.FromSeconds(5);
            var elapsed = TimeSpan.Zero;
            while (elapsed < drain)
            {
                await Task.Delay(100);
                elapsed = Stopwatch.GetElapsedTime(from);
                if (memory.Count == 0 || elapsed - memory[^1].At >= TimeSpan.FromSeconds(1))
                {
                    memory.Add((elapsed, Rss(worker.Id)));
                }
                // 100 new users send /start at random moments of the drain (after its first 5 s).
                if (starts.Count < 100 && elapsed >= nextStart)
                {
                    var chat = 990_000_000L + starts.Count;
                    starts.Add((chat, Stopwatch.GetTimestamp()));
                    server.EnqueueText(chat, "/start", languageCode: "en");
                    // Spread over the drain after its first 5 s, on average (drain - 15 s) / 100 apart, so the last comes well before the end.
                    var every = (drain.TotalMilliseconds - 15_000) / 100;
                    nextStart = elapsed + TimeSpan.FromMilliseconds(every * (0.5 + random.NextDouble()));
                }
            }
            var cpu = CpuTicks(worker.Id) - cpuAtStart;
            var sent = server.SentCount - sentAtStart;
            var until = Stopwatch.GetTimestamp();
            var paid = server.Sent.Where(m => m.Paid && m.ReceivedTimestamp >= from && m.ReceivedTimestamp <= until).Select(m => m.ReceivedTimestamp).ToList();
            await Task.Delay(2000); // the last /start replies
            var answers = starts.Select(s => server.SentTo(s.ChatId) is { Count: > 0 } replies ? Stopwatch.GetElapsedTime(s.Asked, replies[0].ReceivedTimestamp) : (TimeSpan?)null).ToList();
            var latencies = answers.OfType<TimeSpan>().Order().ToList();
            var firstMinute = memory.Where(m => m.At <= TimeSpan.FromMinutes(1)).Select(m => m.Mb).DefaultIfEmpty(0).Max();
            return new Result(
                subscribers, enqueue, before, peak,
                sent / drain.TotalSeconds, sent, FakeBotApiServer.MaxInAnyWindow(paid, TimeSpan.FromSeconds(1)),
                server.Calls.Count(c => c.StatusCode == 429), firstMinute, memory.Max(m => m.Mb),
                cpu * 1_000_000.0 / ClockTicksPerSecond / Math.Max(1, sent),
                Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Count, starts.Count);
        }
        finally
        {
            if (!worker.HasExited)
            {
                worker.Kill(entireProcessTree: true);
            }
            await worker.WaitForExitAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }

    /// <summary>The worker's services without starting it: seed the audience and an approved alert, then time the enqueuer alone.</summary>
    private static async Task<(TimeSpan Elapsed, double RssBeforeMb, double PeakRssMb)> EnqueueAsync(FakeBotApiServer server, string directory, int subscribers, BenchStorage storage)
    {
        var settings = BenchWorker.Settings(server, directory, 0, 0, storage);
        settings.Configuration["Delivery:PaidBroadcast"] = "true";
        using var host = WorkerHost.CreateBuilder([], settings).Build();
        await host.Services.GetServices<IHostedService>().First(s => s is SqliteStorageInitializer or PostgresStorageInitializer).StartAsync(CancellationToken.None);
        await host.Services.GetServices<IHostedService>().OfType<TemplatesLoader>().Single().StartAsync(CancellationToken.None);
        var database = host.Services.GetRequiredService<IDatabase>();
        for (var first = 0; first < subscribers; first += 50_000)
        {
            await SeedAsync(database, first, Math.Min(50_000, subscribers - first));
        }
        // A real audience grew over months and autovacuum has its statistics; a table filled a second ago has none, and
        // PostgreSQL then plans each page as a scan of every later subscriber and a sort.
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE";
            await analyze.ExecuteNonQueryAsync();
        }
        var (id, _) = await host.Services.GetRequiredService<BroadcastStore>().CreateAsync(new Broadcast
        {
            RunKey = "bench:million", Kind = BroadcastKind.Alert, Topic = "alerts", Template = AlertTexts.Template,
            Text = "A fake parcel SMS is going round: do not click its link. 假快递短信：不要点链接。假快遞簡訊：不要點連結。",
            State = BroadcastState.Approved, ProposedBy = 1,
        }, CancellationToken.None);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        File.WriteAllText("/proc/self/clear_refs", "5");
        var before = Memory("VmRSS");
        var watch = Stopwatch.StartNew();
        await host.Services.GetRequiredService<BroadcastEnqueuer>().RunAsync(id, CancellationToken.None);
        return (watch.Elapsed, before, Memory("VmHWM"));
    }

    private static Task SeedAsync(IDatabase database, int first, int count) => database.InTransactionAsync(async ct =>
    {
        var chats = Enumerable.Range(first, count).Select(i => new { Id = 100_000_000L + i, Language = (i % 3) switch { 0 => "zh-Hans", 1 => "zh-Hant", _ => "en" } }).ToList();
        await database.ExecuteAsync("INSERT INTO chats (chat_id, kind, user_id, first_name, language, status, status_at, created_at, updated_at) VALUES (@Id, 'private', @Id, 'User', @Language, 'active', 0, 0, 0)", chats, ct);
        await database.ExecuteAsync("INSERT INTO subscriptions (chat_id, topic, since) VALUES (@Id, 'alerts', 0)", chats, ct);
    }, CancellationToken.None);

    private static Process StartWorker(FakeBotApiServer server, string directory, BenchStorage storage)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var configuration = new Dictionary<string, string?>();
        storage.Apply(configuration, directory);
        string[] args =
        [
            Repo.WorkerDll("Release"),
            $"--Telegram:Token={server.Token}", $"--Telegram:ApiBaseUrl={server.BaseUrl}", "--Telegram:PollTimeoutSeconds=5",
            $"--Storage:Provider={configuration["Storage:Provider"]}", $"--Storage:ConnectionString={configuration["Storage:ConnectionString"]}",
            $"--Templates:Directory={Repo.Templates}", $"--Bot:DeadlinesFile={Path.Combine(directory, "none.yaml")}",
            $"--Bot:CampaignsFile={Path.Combine(directory, "none.yaml")}", "--Logging:File:Path=", "--Logging:LogLevel:Default=Warning",
            "--Delivery:PaidBroadcast=true", $"--Delivery:PaidRatePerSecond={PaidLimit}", "--Delivery:MaxParallelSends=32",
            "--Web:Enabled=false",
        ];
        return WorkerProcess.Start(info, args);
    }

    /// <summary>The plans PostgreSQL chooses for the dispatcher's and the enqueuer's statements on a million-row outbox (BENCH_EXPLAIN=1).</summary>
    private static async Task ExplainAsync(BenchStorage storage)
    {
        var configuration = new Dictionary<string, string?>();
        storage.Apply(configuration, Path.GetTempPath());
        await using var connection = new Npgsql.NpgsqlConnection(configuration["Storage:ConnectionString"]);
        await connection.OpenAsync();
        await using (var analyze = new Npgsql.NpgsqlCommand("ANALYZE outbox; ANALYZE subscriptions; ANALYZE chats", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }
        string[] statements =
        [
            "SELECT id, idem_key, chat_id, priority, text, buttons, attempts, expires_at, plain_text, paid FROM outbox WHERE state = 'pending' AND priority = 2 AND id > 500000 ORDER BY id LIMIT 256",
            "UPDATE outbox SET state = 'sending', claimed_by = 'n', claimed_at = 0, claim_term = 1, updated_at = 0 WHERE id IN (SELECT unnest(ARRAY[500001, 500002, 500003]::bigint[])) AND state = 'pending' AND 1 = (SELECT term FROM cluster_lease WHERE name = 'leader') RETURNING id",
            "UPDATE outbox SET state = 'sent', attempts = attempts + 1, message_id = 1, sent_at = 0, updated_at = 0 WHERE id = 500001 AND claim_term = 1 AND 1 = (SELECT term FROM cluster_lease WHERE name = 'leader')",
            "SELECT state, COUNT(*), COALESCE(SUM(paid), 0) FROM outbox WHERE broadcast_id = 1 GROUP BY state",
            "SELECT s.chat_id FROM subscriptions s JOIN chats c ON c.chat_id = s.chat_id WHERE s.topic = 'alerts' AND s.chat_id > 100500000 AND c.chat_id > 100500000 AND c.status = 'active' ORDER BY s.chat_id LIMIT 1000",
            "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE state IN ('sent', 'blocked', 'failed', 'expired') AND updated_at < 0 LIMIT 1000)",
            "SELECT (SELECT COUNT(*) FROM outbox WHERE state = 'pending') + (SELECT COUNT(*) FROM outbox WHERE state = 'deferred')",
        ];
        foreach (var sql in statements)
        {
            Console.WriteLine("  EXPLAIN " + sql[..Math.Min(110, sql.Length)] + "...");
            await using var command = new Npgsql.NpgsqlCommand("EXPLAIN " + sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Console.WriteLine("    " + reader.GetString(0));
            }
        }
    }

    // utime + stime of a process, in clock ticks (/proc/PID/stat fields 14 and 15).
    private static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private const double ClockTicksPerSecond = 100;

    private static double Rss(int pid) => Memory("VmRSS", $"/proc/{pid}/status");

    private static double Memory(string field, string file = "/proc/self/status") =>
        long.Parse(File.ReadLines(file).First(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;

    private static TimeSpan Percentile(List<TimeSpan> sorted, double p) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
