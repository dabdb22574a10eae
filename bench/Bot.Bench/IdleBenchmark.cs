using System.Diagnostics;
using System.Globalization;

namespace Bot.Bench;

/// <summary>
/// The worker as users start it (console mode, SQLite), left idle: resident memory when the window opens and the most
/// it reached during it (sampled every second: the goal is that it stays under), and the CPU time used.
/// </summary>
internal static class IdleBenchmark
{
    public static async Task<(double RssMb, double PeakRssMb, double CpuPercent)> RunAsync(string configuration, TimeSpan settle, TimeSpan measure, params string[] args)
    {
        var directory = Path.Combine(Path.GetTempPath(), "bot-idle-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Repo.WorkerDll(configuration));
        info.ArgumentList.Add("--Storage:ConnectionString=Data Source=" + Path.Combine(directory, "bot.db"));
        info.ArgumentList.Add("--Logging:File:Path=");
        foreach (var extra in args.Concat((Environment.GetEnvironmentVariable("BENCH_IDLE_ARGS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        {
            info.ArgumentList.Add(extra);
        }
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Task.Delay(settle);
            var cpuBefore = CpuTicks(process.Id);
            var rss = RssKb(process.Id) / 1024.0;
            var peak = rss;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < measure)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                peak = Math.Max(peak, RssKb(process.Id) / 1024.0);
            }
            var cpuAfter = CpuTicks(process.Id);
            var cpu = (cpuAfter - cpuBefore) / 100.0 / watch.Elapsed.TotalSeconds * 100; // clock ticks are 1/100 s
            return (rss, peak, cpu);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static long RssKb(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture); // utime + stime
    }
}
