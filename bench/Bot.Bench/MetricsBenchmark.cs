using Bot.FakeTelegram;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Bench;

/// <summary>
/// What /metrics and the instruments cost: dispatcher throughput with Web:Enabled=false (no server, nothing
/// listening to the instruments) against Web:Enabled=true with a scraper reading /metrics every second,
/// in the same run, rounds interleaved, the median of each.
/// </summary>
internal static class MetricsBenchmark
{
    public static async Task<(double Off, double On, int Scrapes, string Rounds)> RunAsync(int messages, int rounds, BenchStorage storage)
    {
        var off = new List<double>();
        var on = new List<double>();
        var scrapes = 0;
        for (var round = 0; round < rounds; round++)
        {
            // Alternate which goes first: the second worker of a round meets a warmer process and, on
            // PostgreSQL, a bigger outbox; alternating cancels that out.
            foreach (var web in round % 2 == 0 ? new[] { false, true } : [true, false])
            {
                var rate = await OneAsync(messages, storage, round, web, () => Interlocked.Increment(ref scrapes));
                (web ? on : off).Add(rate);
            }
        }
        var each = string.Join(", ", off.Zip(on, (a, b) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{a:F0}/{b:F0}")));
        return (Median(off), Median(on), scrapes, each);
    }

    private static async Task<double> OneAsync(int messages, BenchStorage storage, int round, bool web, Action scraped)
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = Path.Combine(Path.GetTempPath(), "bot-bench-" + Guid.NewGuid().ToString("N"));
        await using var worker = await BenchWorker.StartAsync(server, globalRatePerSecond: 0, perChatIntervalMs: 0, directory, storage,
            ("Web:Enabled", web ? "true" : "false"));
        // Keys unique per worker: on PostgreSQL every round shares one database.
        var name = (web ? "on" : "off") + round.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await DispatchBenchmark.DispatchAsync(server, worker, 200, "warm-" + name);
        using var stop = new CancellationTokenSource();
        var scraper = web ? ScrapeEverySecondAsync(Address(worker.Services), scraped, stop.Token) : Task.CompletedTask;
        var rate = await DispatchBenchmark.DispatchAsync(server, worker, messages, "run-" + name);
        await stop.CancelAsync();
        await scraper;
        return rate;
    }

    private static async Task ScrapeEverySecondAsync(Uri address, Action scraped, CancellationToken ct)
    {
        using var http = new HttpClient();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            do
            {
                var text = await http.GetStringAsync(new Uri(address, "/metrics"), ct);
                if (!text.Contains("bot_outbox_sent_total", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("/metrics has no bot_outbox_sent_total");
                }
                scraped();
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The measured dispatch is over.
        }
    }

    private static Uri Address(IServiceProvider services) =>
        new(services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
