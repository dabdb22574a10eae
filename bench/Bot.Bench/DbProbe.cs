using System.Diagnostics;
using Bot.FakeTelegram;
using Bot.Worker.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Bench;

/// <summary>Diagnostics: the cost of the dispatcher's result write alone.</summary>
internal static class DbProbe
{
    public static async Task RunAsync()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        await using var worker = await BenchWorker.StartAsync(server, 0, 0);
        var queue = worker.Services.GetRequiredService<OutboxQueue>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 5000; i++)
        {
            await queue.MarkSentAsync(-i, 1, CancellationToken.None);
        }
        Console.WriteLine($"MarkSentAsync: {watch.Elapsed.TotalMilliseconds * 1000 / 5000:F0} us each");
        var db = worker.Services.GetRequiredService<Bot.Worker.Storage.IDatabase>();
        watch.Restart();
        for (var i = 0; i < 5000; i++)
        {
            await using var c = await db.OpenAsync(CancellationToken.None);
        }
        Console.WriteLine($"OpenAsync: {watch.Elapsed.TotalMilliseconds * 1000 / 5000:F0} us each");
    }
}
