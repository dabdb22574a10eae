using System.Globalization;

namespace Bot.TestDatabases;

/// <summary>
/// A server's temporary directory: the data directory, the socket directory, the server log, and
/// the id of the test process that owns it (so a later run can stop a server a crashed run left behind).
/// </summary>
internal sealed class ServerDirectory
{
    private const string Prefix = "bot-pg-";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    private ServerDirectory(string root) => Root = root;

    public string Root { get; }

    public string Data => Path.Combine(Root, "data");

    public string Socket => Path.Combine(Root, "sock");

    public string Log => Path.Combine(Root, "server.log");

    private string Owner => Path.Combine(Root, "owner.pid");

    // As root the server runs as 'postgres', which must reach the directory: root's TMPDIR may be
    // private, /tmp never is.
    private static string Base => ServerCommand.AsRoot ? "/tmp" : Path.GetTempPath();

    public static async Task<ServerDirectory> CreateAsync()
    {
        var directory = new ServerDirectory(Path.Combine(Base, Prefix + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(directory.Socket);
        await File.WriteAllTextAsync(directory.Owner, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (ServerCommand.AsRoot)
        {
            var chown = await ServerCommand.RunAsync("chown", ["-R", ServerCommand.ServerUser + ":", directory.Root], Base, ToolTimeout);
            if (!chown.Succeeded)
            {
                directory.Delete();
                throw new InvalidOperationException($"Could not give {directory.Root} to the '{ServerCommand.ServerUser}' user: {chown}");
            }
        }
        return directory;
    }

    /// <summary>Stops and deletes servers whose test process is gone (killed, or crashed before its exit handler ran).</summary>
    public static async Task ReapLeftoversAsync(string bin)
    {
        foreach (var root in Directory.EnumerateDirectories(Base, Prefix + "*"))
        {
            var leftover = new ServerDirectory(root);
            if (!leftover.IsOrphan())
            {
                continue;
            }
            await new PgCtl(bin, leftover).StopIfRunningAsync();
            leftover.Delete();
        }
    }

    public string LogTail(int lines = 20)
    {
        try
        {
            return string.Join(Environment.NewLine, File.ReadLines(Log).TakeLast(lines));
        }
        catch (IOException)
        {
            return "(no server log)";
        }
        catch (UnauthorizedAccessException)
        {
            return "(server log not readable)";
        }
    }

    public void Delete()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a later run reaps it.
        }
        catch (UnauthorizedAccessException)
        {
            // Another user's server.
        }
    }

    private bool IsOrphan()
    {
        try
        {
            if (File.Exists(Owner))
            {
                var pid = int.Parse(File.ReadAllText(Owner).Trim(), CultureInfo.InvariantCulture);
                return !Directory.Exists($"/proc/{pid}");
            }
            // No owner yet: a run that is creating it right now, unless it is old.
            return Directory.GetCreationTimeUtc(Root) < TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-10);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return false;
        }
    }
}
