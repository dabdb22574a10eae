namespace Bot.Worker.Cli;

/// <summary>
/// <c>--help</c>, and a first word that is no command: what the worker's command line takes. A setting
/// (<c>--Key=Value</c> or <c>Key=Value</c>) is not a command, so the worker still starts with one.
/// </summary>
public static class UsageCli
{
    private const string Text = """
        usage: dotnet run --project src/Worker -- [COMMAND] [--Section:Key=Value ...]

        Without a command the worker runs (console transport when Telegram:Token is empty).
        Commands:
          templates check              check every shipped template as an admin's edit is checked
          templates render NAME LANG   render a template with its kind's sample data
          deadlines next               the next 5 occurrences of each deadline in Bot:DeadlinesFile
          channels test NAME           a test message to the group robot NAME, or an email to the address NAME
          backup FILE                  a consistent copy of the SQLite database while the worker runs
          --help                       this text
        Any setting of README "Configuration" can be given as --Section:Key=Value or in the environment
        as Section__Key=Value.
        """;

    /// <summary>True when the first argument asks for help or names no known command.</summary>
    public static bool Applies(string[] args) =>
        args.FirstOrDefault() is { } first && (IsHelp(first) || IsUnknownWord(first));

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        var first = args[0];
        if (IsHelp(first))
        {
            output.WriteLine(Text);
            return 0;
        }
        errors.WriteLine($"Unknown command '{first}'.");
        errors.WriteLine(Text);
        return 1;
    }

    private static bool IsHelp(string word) => word is "--help" or "-h" or "-?" or "help";

    // Commands handled before this one (templates, deadlines next, channels, backup) never reach it.
    private static bool IsUnknownWord(string word) => !word.StartsWith('-') && !word.Contains('=', StringComparison.Ordinal);
}
