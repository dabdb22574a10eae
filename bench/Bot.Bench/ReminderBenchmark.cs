using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bot.FakeTelegram;
using Bot.Worker.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Bench;

/// <summary>
/// 1,000 deadline reminders due in the same minute, scheduled through Quartz on SQLite or PostgreSQL and sent
/// through the dispatcher (rate limits off): how late each send was against its scheduled time.
/// </summary>
internal static class ReminderBenchmark
{
    public sealed record Result(int Count, TimeSpan Planning, TimeSpan P50, TimeSpan P99, TimeSpan Max);

    public static async Task<Result> RunAsync(int count, BenchStorage storage)
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = Path.Combine(Path.GetTempPath(), "bot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        // The reminders fall in one minute starting 90 s from now (time to plan 1,000 deadlines first).
        var minute = DateTimeOffset.UtcNow.AddSeconds(90);
        await File.WriteAllTextAsync(Path.Combine(directory, "deadlines.yaml"), Yaml(count, minute));
        var watch = Stopwatch.StartNew();
        await using var worker = await BenchWorker.StartAsync(server, 0, 0, directory, storage, ("Bot:DeadlinesFile", Path.Combine(directory, "deadlines.yaml")));
        var planning = watch.Elapsed;
        while (server.SentCount < count)
        {
            await Task.Delay(200);
        }
        await Task.Delay(500); // the last results are recorded just after Telegram answers
        var rows = await worker.Services.GetRequiredService<IDatabase>().QueryAsync<(string Key, long SentAt)>(
            "SELECT idem_key, sent_at FROM outbox WHERE kind = 'deadline-reminder' AND state = 'sent'", null, CancellationToken.None);
        var lateness = rows.Select(r => TimeSpan.FromMilliseconds(r.SentAt - ScheduledMs(r.Key))).Order().ToList();
        return new Result(lateness.Count, planning, Percentile(lateness, 0.50), Percentile(lateness, 0.99), lateness[^1]);
    }

    // dl:{occurrence}:{step}@{scheduled ms}:{chat}
    internal static long ScheduledMs(string key) => long.Parse(key.Split('@')[1].Split(':')[0], CultureInfo.InvariantCulture);

    internal static TimeSpan Percentile(List<TimeSpan> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    internal static string Yaml(int count, DateTimeOffset minute)
    {
        var yaml = new StringBuilder("""
            time_zone: Asia/Shanghai
            teams:
              - id: bench
                lead: 7000001
                members: [7000001]
            deadlines:

            """);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        for (var i = 0; i < count; i++)
        {
            // Due 30 s after each reminder; reminders spread over the minute.
            var due = TimeZoneInfo.ConvertTime(minute.AddMilliseconds(i * 60_000.0 / count).AddSeconds(30), zone);
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ id: d{i}, title: Bench deadline {i}, team: bench, due: {due:yyyy-MM-ddTHH:mm:ss}, remind: [30s] }}\n");
        }
        return yaml.ToString();
    }
}
