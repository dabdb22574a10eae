using System.Diagnostics;
using Bot.Tests.Unit.Support;

namespace Bot.Tests.Unit.Deployment;

/// <summary>deploy/bot.service passes <c>systemd-analyze verify</c> (with no complaint at all) and keeps the sandbox the README promises.</summary>
public sealed class SystemdUnitTests : IDisposable
{
    private const string Dotnet = "/usr/bin/dotnet";
    private static readonly string UnitFile = Path.Combine(Repo.Root, "deploy", "bot.service");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bot-systemd-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_unit_passes_systemd_analyze_verify_without_a_warning()
    {
        var analyze = FindOnPath("systemd-analyze")
            ?? throw new InvalidOperationException("systemd-analyze is missing: install the Debian package systemd (.ci/run does)");
        var unit = await File.ReadAllTextAsync(UnitFile);
        // verify checks that ExecStart's program exists; where dotnet lives elsewhere, point it there.
        if (!File.Exists(Dotnet))
        {
            unit = unit.Replace("ExecStart=" + Dotnet, "ExecStart=" + (FindOnPath("dotnet") ?? Dotnet), StringComparison.Ordinal);
        }
        Directory.CreateDirectory(_directory);
        var copy = Path.Combine(_directory, "bot.service");
        await File.WriteAllTextAsync(copy, unit);

        var (exitCode, output) = await RunAsync(analyze, "verify", copy);

        // A bad value is only a warning for systemd (exit 0), so any output at all fails the test.
        Assert.True(exitCode == 0 && output.Length == 0, $"systemd-analyze verify exited {exitCode}:\n{output}");
    }

    [Theory]
    [InlineData("User=bot")]
    [InlineData("ProtectSystem=strict")]
    [InlineData("ReadWritePaths=/opt/bot/data")]
    [InlineData("Restart=on-failure")]
    [InlineData("RestartPreventExitStatus=2")]
    [InlineData("EnvironmentFile=/etc/bot/bot.env")]
    [InlineData("KillSignal=SIGTERM")]
    [InlineData("NoNewPrivileges=true")]
    public void The_unit_has(string directive) =>
        Assert.Contains(directive, File.ReadAllLines(UnitFile));

    [Fact]
    public void The_token_is_not_in_the_unit() =>
        Assert.DoesNotContain(File.ReadAllLines(UnitFile), l => l.Contains("Telegram__Token", StringComparison.Ordinal) && !l.StartsWith('#'));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, program))
            .FirstOrDefault(File.Exists);

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, ((await stdout) + (await stderr)).Trim());
    }
}
