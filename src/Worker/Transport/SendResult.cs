namespace Bot.Worker.Transport;

/// <summary>The result of one send attempt.</summary>
public sealed record SendResult(SendOutcome Outcome, int? MessageId = null, TimeSpan? RetryAfter = null, string? Error = null)
{
    public static SendResult Sent(int messageId) => new(SendOutcome.Sent, messageId);

    public static SendResult Failed(SendOutcome outcome, string error, TimeSpan? retryAfter = null) => new(outcome, null, retryAfter, error);
}
