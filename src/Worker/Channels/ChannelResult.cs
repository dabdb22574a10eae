namespace Bot.Worker.Channels;

/// <summary>
/// The result of sending one message through a channel. <paramref name="Reason"/> is safe to log and store: it never
/// holds a key, access token, secret or password. <paramref name="PartsSent"/> counts the leading parts of a split
/// message that went (pass it back as the first part to send when retrying).
/// </summary>
internal sealed record ChannelResult(ChannelOutcome Outcome, string? Reason = null, DateTimeOffset? RetryAt = null, int PartsSent = 0)
{
    public static ChannelResult Sent(int parts = 1) => new(ChannelOutcome.Sent, PartsSent: parts);

    public static ChannelResult Deferred(DateTimeOffset retryAt, string reason) => new(ChannelOutcome.Deferred, reason, retryAt);

    public static ChannelResult Failed(string reason) => new(ChannelOutcome.Failed, reason);

    public static ChannelResult Transient(string reason) => new(ChannelOutcome.Transient, reason);
}
