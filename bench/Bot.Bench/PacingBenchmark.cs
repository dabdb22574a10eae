using System.Diagnostics;
using Bot.FakeTelegram;
using Bot.Worker.Delivery;

namespace Bot.Bench;

/// <summary>1000 messages to 1000 chats with Delivery:GlobalRatePerSecond=25: the rate achieved and the busiest second, as the server saw them.</summary>
internal static class PacingBenchmark
{
    public static async Task<(double Rate, int MaxInOneSecond, TimeSpan Elapsed)> RunAsync(int messages, int limit)
    {
        await using var server = await FakeBotApiServer.StartAsync();
        await using var worker = await BenchWorker.StartAsync(server, globalRatePerSecond: limit, perChatIntervalMs: 1000);
        var rows = Enumerable.Range(0, messages)
            .Select(i => new OutgoingMessage($"pace-{i}", 3_000_000 + i, $"paced message {i}", MessagePriority.Tip, "bench"))
            .ToList();
        await worker.Outbox.EnqueueManyAsync(rows, CancellationToken.None);
        while (server.SentCount < messages)
        {
            await Task.Delay(50);
        }
        var stamps = server.Sent.Select(m => m.ReceivedTimestamp).Order().ToList();
        var elapsed = Stopwatch.GetElapsedTime(stamps[0], stamps[^1]);
        return ((messages - 1) / elapsed.TotalSeconds, FakeBotApiServer.MaxInAnyWindow(stamps, TimeSpan.FromSeconds(1)), elapsed);
    }
}
