using System.Collections.Concurrent;
using System.Diagnostics;
using Bot.FakeTelegram;
using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Bot.Worker.Storage;
using Bot.Worker.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Integration.Support;

/// <summary>The worker as a real child process (dotnet Bot.Worker.dll), for crash, start-up and console tests.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private WorkerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.ErrorDataReceived += (_, e) => Add(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Output => _output.ToList();

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public StreamWriter Input => _process.StandardInput;

    /// <summary>
    /// Arguments for a worker against <paramref name="server"/> on the SQLite file in <paramref name="directory"/>,
    /// with no deadlines, campaigns or log file; <paramref name="extra"/> come last and win.
    /// </summary>
    public static string[] Args(FakeBotApiServer server, string directory, params string[] extra) =>
    [
        $"--Telegram:Token={server.Token}", $"--Telegram:ApiBaseUrl={server.BaseUrl}", "--Telegram:PollTimeoutSeconds=5",
        $"--Storage:ConnectionString=Data Source={Path.Combine(directory, "bot.db")}", $"--Templates:Directory={RepoPaths.Templates}",
        $"--Bot:DeadlinesFile={Path.Combine(directory, "none.yaml")}", $"--Bot:CampaignsFile={Path.Combine(directory, "none.yaml")}",
        "--Logging:File:Path=", "--Delivery:PerChatIntervalMs=0",
        .. extra,
    ];

    /// <summary>As <see cref="Args(FakeBotApiServer, string, string[])"/>, on <paramref name="storage"/>'s database.</summary>
    public static string[] Args(TestStorage storage, FakeBotApiServer server, string directory, params string[] extra) =>
        [.. Args(server, directory), .. storage.Args, .. extra];

    /// <summary>The SQLite file in <paramref name="directory"/>, migrated, for tests that prepare it before a worker starts.</summary>
    public static async Task<SqliteDatabase> MigratedDatabaseAsync(string directory)
    {
        var database = new SqliteDatabase(
            Options.Create(new StorageOptions { ConnectionString = "Data Source=bot.db" }),
            new ContentPaths(directory));
        await new SchemaMigrator(database, TimeProvider.System, NullLogger<SchemaMigrator>.Instance)
            .MigrateAsync(CancellationToken.None);
        return database;
    }

    public static WorkerProcess Start(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(RepoPaths.WorkerDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_NOLOGO"] = "1";
        // Any free port unless a test says otherwise (the command line wins over the environment).
        info.Environment["Web__Urls"] = "http://127.0.0.1:0";
        return new WorkerProcess(Process.Start(info)!);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async Task WaitForOutputAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_output.Any(predicate))
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new TimeoutException("Expected output not seen. Output so far:\n" + string.Join("\n", _output));
            }
            await Task.Delay(20);
        }
    }

    /// <summary>SIGTERM, like systemd or Ctrl+C: the host shuts down in order.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        await WaitForExitAsync(timeout);
    }

    /// <summary>SIGKILL, like kill -9: no shutdown code runs.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            KillHard();
        }
        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
