using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Bot.TestDatabases;

/// <summary>
/// A detached shell that stops a server and deletes its directory once the test process is gone,
/// however it ends. An exit handler is not enough: the test runner kills the test host moments
/// after its last test, before <c>pg_ctl stop</c> returns. It tries again for a few seconds, since
/// the process may have died in the middle of initdb or pg_ctl start, which go on writing there.
/// In its own session, like the server (pg_ctl starts it with setsid), so a signal to the test's
/// process group does not end it first.
/// </summary>
internal static class ServerWatchdog
{
    public static void Start(string pgCtl, ServerDirectory directory)
    {
        var stop = (ServerCommand.AsRoot ? $"runuser -u {ServerCommand.ServerUser} -- " : "") + $"'{pgCtl}'";
        var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var script = $"""
            exec </dev/null >/dev/null 2>&1
            while kill -0 {pid}; do sleep 1; done
            for try in 1 2 3 4 5; do
              if [ -e '{directory.Data}/postmaster.pid' ]; then {stop} stop -D '{directory.Data}' -m immediate -w -t 30; fi
              rm -rf '{directory.Root}' && break
              sleep 1
            done
            """;
        var start = new ProcessStartInfo("setsid")
        {
            // Pipes, closed at once: the watchdog must not hold the test host's own output open.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "sh", "-c", script })
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start setsid");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not start the clean-up watchdog (setsid sh): {ex.Message}", ex);
        }
    }
}
