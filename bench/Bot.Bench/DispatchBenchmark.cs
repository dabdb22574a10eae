using System.Diagnostics;
using Bot.FakeTelegram;
using Bot.Worker.Delivery;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace Bot.Bench;

/// <summary>
/// Dispatcher throughput with rate limits off versus a plain loop of SendMessage calls, both through
/// the real Telegram.Bot client to the same fake server in the same run.
/// </summary>
internal static class DispatchBenchmark
{
    public const int Rounds = 5;

    /// <summary>
    /// Medians of <see cref="Rounds"/> interleaved rounds (plain loop, then dispatcher), after a warm-up of both, so
    /// neither side gets the JIT's later tiers alone. The dispatcher's rate is given twice: from the start of the
    /// enqueue (one transaction of all the rows: outbox + dispatcher) and from its commit (the dispatcher alone).
    /// </summary>
    public static async Task<(double Baseline, double Dispatcher, double AfterCommit)> RunAsync(int messages, BenchStorage storage)
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var parallel = Environment.GetEnvironmentVariable("BENCH_PARALLEL") ?? "8";
        await using var worker = await BenchWorker.StartAsync(server, globalRatePerSecond: 0, perChatIntervalMs: 0, storage: storage, extra: ("Delivery:MaxParallelSends", parallel));
        // BENCH_WARM: messages each side sends before the measured rounds (50,000: shorter warm-ups left the dispatcher's code on early JIT tiers, 0.66x-0.77x instead of 0.78x-0.94x).
        var warm = int.Parse(Environment.GetEnvironmentVariable("BENCH_WARM") ?? "50000", System.Globalization.CultureInfo.InvariantCulture);
        await PlainLoopAsync(server, warm, chatBase: 9_000_000); // warm-up
        await DispatchAsync(server, worker, warm, "warm"); // warm-up
        var baselines = new List<double>();
        var dispatchers = new List<double>();
        var afterCommits = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            baselines.Add(await PlainLoopAsync(server, messages, chatBase: 1_000_000 + (round * messages)));
            var run = await MeasureAsync(server, worker, messages, $"run{round}");
            dispatchers.Add(run.Total);
            afterCommits.Add(run.AfterCommit);
            if (Environment.GetEnvironmentVariable("BENCH_VERBOSE") == "1")
            {
                Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  round {round}: plain {baselines[^1]:F0}, dispatcher {run.Total:F0} msg/s ({run.AfterCommit:F0} from the commit)"));
            }
        }
        return (Median(baselines), Median(dispatchers), Median(afterCommits));
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    public static async Task<double> PlainLoopAsync(FakeBotApiServer server, int messages, long chatBase)
    {
        using var http = new HttpClient();
        var bot = new TelegramBotClient(new TelegramBotClientOptions(server.Token, server.BaseUrl) { RetryThreshold = 0 }, http);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < messages; i++)
        {
            await bot.SendMessage(chatBase + i, Text(i), parseMode: ParseMode.Html);
        }
        return messages / watch.Elapsed.TotalSeconds;
    }

    internal static async Task<double> DispatchAsync(FakeBotApiServer server, BenchWorker worker, int messages, string prefix) =>
        (await MeasureAsync(server, worker, messages, prefix)).Total;

    /// <summary>Enqueues <paramref name="messages"/> rows in one transaction and waits until the server has them all.</summary>
    private static async Task<(double Total, double AfterCommit)> MeasureAsync(FakeBotApiServer server, BenchWorker worker, int messages, string prefix)
    {
        var before = server.SentCount;
        var rows = Enumerable.Range(0, messages)
            .Select(i => new OutgoingMessage($"{prefix}-{i}", 2_000_000 + i, Text(i), MessagePriority.Tip, "bench"))
            .ToList();
        var start = Stopwatch.GetTimestamp();
        var watch = Stopwatch.StartNew();
        await worker.Outbox.EnqueueManyAsync(rows, CancellationToken.None);
        var enqueued = watch.Elapsed;
        while (server.SentCount < before + messages)
        {
            await Task.Delay(1);
        }
        var elapsed = watch.Elapsed;
        if (Environment.GetEnvironmentVariable("BENCH_VERBOSE") == "1")
        {
            var stamps = server.Sent.Skip(before).Select(m => m.ReceivedTimestamp).Order().ToList();
            var first = System.Diagnostics.Stopwatch.GetElapsedTime(stamps[0], stamps[^1]);
            var toFirst = System.Diagnostics.Stopwatch.GetElapsedTime(start, stamps[0]);
            Console.WriteLine($"  enqueue {enqueued.TotalMilliseconds:F0} ms, first send at {toFirst.TotalMilliseconds:F0} ms, first-to-last {first.TotalMilliseconds:F0} ms, total {elapsed.TotalMilliseconds:F0} ms, steady {messages / first.TotalSeconds:F0}/s");
        }
        return (messages / elapsed.TotalSeconds, messages / (elapsed - enqueued).TotalSeconds);
    }

    private static string Text(int i) => $"<b>Anti-fraud tip {i}</b>\nPolice never ask you to move money to a \"safe account\". Call 96110.";
}
