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

    /// <summary>Medians of <see cref="Rounds"/> interleaved rounds (plain loop, then dispatcher), after a warm-up of both, so neither side gets the JIT's later tiers alone.</summary>
    public static async Task<(double Baseline, double Dispatcher)> RunAsync(int messages, BenchStorage storage)
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var parallel = Environment.GetEnvironmentVariable("BENCH_PARALLEL") ?? "8";
        await using var worker = await BenchWorker.StartAsync(server, globalRatePerSecond: 0, perChatIntervalMs: 0, storage: storage, extra: ("Delivery:MaxParallelSends", parallel));
        // BENCH_WARM: messages each side sends before the measured rounds (a long warm-up lets the JIT's later tiers finish).
        var warm = int.Parse(Environment.GetEnvironmentVariable("BENCH_WARM") ?? "20000", System.Globalization.CultureInfo.InvariantCulture);
        await PlainLoopAsync(server, warm, chatBase: 9_000_000); // warm-up
        await DispatchAsync(server, worker, warm, "warm"); // warm-up
        var baselines = new List<double>();
        var dispatchers = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            baselines.Add(await PlainLoopAsync(server, messages, chatBase: 1_000_000 + (round * messages)));
            dispatchers.Add(await DispatchAsync(server, worker, messages, $"run{round}"));
            if (Environment.GetEnvironmentVariable("BENCH_VERBOSE") == "1")
            {
                Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  round {round}: plain {baselines[^1]:F0}, dispatcher {dispatchers[^1]:F0} msg/s"));
            }
        }
        return (Median(baselines), Median(dispatchers));
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

    internal static async Task<double> DispatchAsync(FakeBotApiServer server, BenchWorker worker, int messages, string prefix)
    {
        var before = server.SentCount;
        var rows = Enumerable.Range(0, messages)
            .Select(i => new OutgoingMessage($"{prefix}-{i}", 2_000_000 + i, Text(i), MessagePriority.Tip, "bench"))
            .ToList();
        var watch = Stopwatch.StartNew();
        await worker.Outbox.EnqueueManyAsync(rows, CancellationToken.None);
        while (server.SentCount < before + messages)
        {
            await Task.Delay(1);
        }
        var elapsed = watch.Elapsed;
        if (Environment.GetEnvironmentVariable("BENCH_VERBOSE") == "1")
        {
            var stamps = server.Sent.Skip(before).Select(m => m.ReceivedTimestamp).Order().ToList();
            var first = System.Diagnostics.Stopwatch.GetElapsedTime(stamps[0], stamps[^1]);
            Console.WriteLine($"  first-to-last {first.TotalMilliseconds:F0} ms, total {elapsed.TotalMilliseconds:F0} ms, steady {messages / first.TotalSeconds:F0}/s");
        }
        return messages / elapsed.TotalSeconds;
    }

    private static string Text(int i) => $"<b>Anti-fraud tip {i}</b>\nPolice never ask you to move money to a \"safe account\". Call 96110.";
}
