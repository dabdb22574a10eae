namespace Bot.TestDatabases;

/// <summary>How a tool ended: its exit code and everything it printed (stdout, then stderr).</summary>
internal sealed record CommandResult(string Tool, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    public override string ToString() => $"{Tool} exited with {ExitCode}: {Output}";
}
