namespace Bot.Worker.Commands;

/// <summary>The <c>problem</c> values the usage template distinguishes.</summary>
internal static class UsageProblem
{
    public const string UnknownCommand = "unknown_command";
    public const string BadArguments = "bad_arguments";
    public const string MissingArguments = "missing_arguments";
}
