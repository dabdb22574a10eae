using System.ComponentModel;
using System.Diagnostics;

namespace Bot.TestDatabases;

/// <summary>
/// Runs PostgreSQL's tools as the user that owns the server: the current user, or <c>postgres</c>
/// when the tests run as root (initdb and postgres refuse to run as root).
/// </summary>
internal static class ServerCommand
{
    public const string ServerUser = "postgres";

    public static bool AsRoot => Environment.IsPrivilegedProcess;

    public static void CheckServerUser()
    {
        if (AsRoot && !File.ReadLines("/etc/passwd").Any(l => l.StartsWith(ServerUser + ":", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException(
                "The tests run as root and PostgreSQL refuses to, but there is no 'postgres' system user to run it as: install the Debian package 'postgresql' (it creates the user)");
        }
    }

    public static Task<CommandResult> RunToolAsync(string tool, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout) =>
        AsRoot
            ? RunAsync("runuser", ["-u", ServerUser, "--", tool, .. arguments], workingDirectory, timeout)
            : RunAsync(tool, arguments, workingDirectory, timeout);

    public static async Task<CommandResult> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // English messages, whatever the machine's locale: they end up in exception messages.
        start.Environment["LC_ALL"] = "C";
        var name = Path.GetFileName(start.ArgumentList.Count > 3 && file == "runuser" ? start.ArgumentList[3] : file);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not start {file}: {ex.Message}", ex);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timer = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(timer.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return new CommandResult(name, -1, $"no exit after {timeout.TotalSeconds:0} s, killed");
            }
            var output = (await stdout).Trim() + Environment.NewLine + (await stderr).Trim();
            return new CommandResult(name, process.ExitCode, output.Trim());
        }
    }
}
