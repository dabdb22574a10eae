namespace Bot.Worker.Commands;

/// <summary>Thrown by a handler for a malformed argument; the router answers with the usage hint.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string problem, string? detail = null) : base($"{problem}: {detail}")
    {
        Problem = problem;
        Detail = detail ?? "";
    }

    public UsageException() : this(UsageProblem.BadArguments)
    {
    }

    public UsageException(string message, Exception innerException) : base(message, innerException)
    {
        Problem = UsageProblem.BadArguments;
        Detail = "";
    }

    public string Problem { get; }

    public string Detail { get; }
}
