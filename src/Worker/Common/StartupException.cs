namespace Bot.Worker.Common;

/// <summary>A start-up problem the user must fix; its message is the one line printed before exit.</summary>
public sealed class StartupException : Exception
{
    public StartupException(string message) : base(message)
    {
    }

    public StartupException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public StartupException()
    {
    }
}
