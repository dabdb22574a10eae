using System.Diagnostics;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Npgsql;

namespace Bot.Bench;

/// <summary>
/// 3,000 deadline reminders due in the same minute on PostgreSQL, run by 1 worker process and then by 3
/// (clustered Quartz: any node fires a trigger, the leader sends): how late each send was against its
/// scheduled time. Each run gets a fresh database and the same fake Bot API server; rate limits off.
/// </summary>
internal static class ClusterReminderBenchmark
{
    public sealed record Result(int Nodes, int Count, TimeSpan P50, TimeSpan P99, TimeSpan Max, IReadOnlyDictionary<string, int> FiredBy);

    public static async Task<Result> RunAsync(int nodes, int count)
    {
        await using var server = await FakeBotApiServer.StartAsync();
        await using var database = await ScratchDatabase.CreateAsync("bench_cluster");
        var directory = Path.Combine(Path.GetTempPath(), "bot-bench-cluster-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        // The reminders fall in one minute starting 150 s from now (each node plans the deadlines at start).
        var minute = DateTimeOffset.UtcNow.AddSeconds(150);
        var deadlines = Path.Combine(directory, "deadlines.yaml");
        await File.WriteAllTextAsync(deadlines, ReminderBenchmark.Yaml(count, minute));
        var workers = new List<Process>();
        try
        {
            for (var i = 0; i < nodes; i++)
            {
                workers.Add(Start(server, database.ConnectionString, deadlines, Path.Combine(directory, "node" + i), "node" + i));
            }
            var deadline = minute + TimeSpan.FromMinutes(4);
            // Which node fired each trigger: Quartz keeps a row per firing only while it runs, so sample it.
            var fired = new Dictionary<string, string>();
            await using (var sampler = new NpgsqlConnection(database.ConnectionString))
            {
                await sampler.OpenAsync();
                while (server.SentCount < count)
                {
                    if (DateTimeOffset.UtcNow > deadline || workers.Any(w => w.HasExited))
                    {
                        throw new InvalidOperationException($"{server.SentCount} of {count} reminders sent by {deadline:T}; a worker exited: {workers.Any(w => w.HasExited)}");
                    }
                    if (DateTimeOffset.UtcNow >= minute.AddSeconds(-5))
                    {
                        await using var command = new NpgsqlCommand("SELECT entry_id, instance_name FROM qrtz_fired_triggers", sampler);
                        await using var reader = await command.ExecuteReaderAsync();
                        while (await reader.ReadAsync())
                        {
                            fired[reader.GetString(0)] = reader.GetString(1);
                        }
                    }
                    await Task.Delay(50);
                }
            }
            await Task.Delay(1000); // the last results are recorded just after Telegram answers
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            var lateness = new List<TimeSpan>();
            await using (var command = new NpgsqlCommand("SELECT idem_key, sent_at FROM outbox WHERE kind = 'deadline-reminder' AND state = 'sent'", connection))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    lateness.Add(TimeSpan.FromMilliseconds(reader.GetInt64(1) - ReminderBenchmark.ScheduledMs(reader.GetString(0))));
                }
            }
            lateness.Sort();
            var firedBy = fired.Values.GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
            return new Result(nodes, lateness.Count, ReminderBenchmark.Percentile(lateness, 0.50), ReminderBenchmark.Percentile(lateness, 0.99), lateness[^1], firedBy);
        }
        finally
        {
            foreach (var worker in workers)
            {
                if (!worker.HasExited)
                {
                    worker.Kill(entireProcessTree: true);
                }
                await worker.WaitForExitAsync();
                worker.Dispose();
            }
        }
    }

    private static Process Start(FakeBotApiServer server, string connectionString, string deadlines, string directory, string node)
    {
        Directory.CreateDirectory(directory);
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] args =
        [
            Repo.WorkerDll("Release"),
            $"--Telegram:Token={server.Token}", $"--Telegram:ApiBaseUrl={server.BaseUrl}", "--Telegram:PollTimeoutSeconds=5",
            "--Storage:Provider=Postgres", $"--Storage:ConnectionString={connectionString}", $"--Templates:Directory={Repo.Templates}",
            $"--Bot:DeadlinesFile={deadlines}", $"--Bot:CampaignsFile={Path.Combine(directory, "none.yaml")}",
            "--Logging:File:Path=", "--Delivery:PerChatIntervalMs=0", "--Delivery:GlobalRatePerSecond=0",
            $"--Cluster:NodeId={node}", "--Web:Urls=http://127.0.0.1:0",
        ];
        return WorkerProcess.Start(info, args);
    }
}
