namespace Bot.Worker.Channels;

/// <summary>How one send to a robot or a mail server ended, as the outbox needs to know it.</summary>
internal enum ChannelOutcome
{
    Sent,
    /// <summary>Refused for a rate limit: try again at <see cref="ChannelResult.RetryAt"/>, not before.</summary>
    Deferred,
    /// <summary>Will never be accepted (bad key or signature, rejected recipient, bad address): do not retry.</summary>
    Failed,
    /// <summary>Network error, timeout, 5xx, SMTP 4xx: may succeed later.</summary>
    Transient,
}
