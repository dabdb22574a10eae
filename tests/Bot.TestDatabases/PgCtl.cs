using System.Globalization;

namespace Bot.TestDatabases;

/// <summary>initdb and pg_ctl on one server directory; a failure carries the tool's output and the server log.</summary>
internal sealed class PgCtl(string bin, ServerDirectory directory)
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Whether the last start failed because the port was taken.</summary>
    public bool PortWasTaken => directory.LogTail().Contains("could not bind", StringComparison.Ordinal);

    public async Task InitAsync(string user)
    {
        // C collation sorts text by bytes, as SQLite does; --no-sync: nothing here must survive a power cut.
        var init = await RunAsync("initdb", ["-D", directory.Data, "-A", "trust", "-U", user, "--encoding=UTF8", "--locale=C", "--no-sync"]);
        if (!init.Succeeded)
        {
            throw Failure("initialise", init, port: null);
        }
    }

    public Task<CommandResult> TryStartAsync(string host, int port)
    {
        var options = string.Join(
            ' ',
            $"-p {port.ToString(CultureInfo.InvariantCulture)} -k '{directory.Socket}' -c listen_addresses={host}",
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300");
        return RunAsync("pg_ctl", ["start", "-D", directory.Data, "-l", directory.Log, "-w", "-t", "60", "-o", options]);
    }

    public async Task StopAsync(bool immediate, int port)
    {
        var stop = await RunAsync("pg_ctl", ["stop", "-D", directory.Data, "-m", immediate ? "immediate" : "fast", "-w", "-t", "60"]);
        if (!stop.Succeeded)
        {
            throw Failure("stop", stop, port);
        }
    }

    /// <summary>Stops the server at once if it runs; best effort.</summary>
    public async Task StopIfRunningAsync()
    {
        if (File.Exists(Path.Combine(directory.Data, "postmaster.pid")))
        {
            await RunAsync("pg_ctl", ["stop", "-D", directory.Data, "-m", "immediate", "-w", "-t", "30"]);
        }
    }

    public InvalidOperationException Failure(string what, CommandResult result, int? port) =>
        new($"Could not {what} the test PostgreSQL server in {directory.Root}{(port is null ? "" : $" (port {port})")}: {result}{Environment.NewLine}"
            + $"Server log ({directory.Log}):{Environment.NewLine}{directory.LogTail()}");

    private Task<CommandResult> RunAsync(string tool, IEnumerable<string> arguments) =>
        ServerCommand.RunToolAsync(Path.Combine(bin, tool), arguments, directory.Root, ToolTimeout);
}
