namespace Bot.Worker.Transport;

/// <summary>
/// The result of one send attempt. <paramref name="PartsSent"/>: for a channel that splits a message itself (a group
/// robot), the leading parts that went before it stopped, so a retry starts after them.
/// </summary>
public sealed record SendResult(SendOutcome Outcome, int? MessageId = null, TimeSpan? RetryAfter = null, string? Error = null, int PartsSent = 0)
{
    public static SendResult Sent(int messageId) => new(SendOutcome.Sent, messageId);

    public static SendResult Failed(SendOutcome outcome, string error, TimeSpan? retryAfter = null) => new(outcome, null, retryAfter, error);
}
