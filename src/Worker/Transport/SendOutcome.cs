namespace Bot.Worker.Transport;

/// <summary>How a send ended, as the dispatcher needs to know it.</summary>
public enum SendOutcome
{
    Sent,
    /// <summary>429: nothing may be sent for <see cref="SendResult.RetryAfter"/>.</summary>
    RateLimited,
    /// <summary>403 or "chat not found": permanent for this chat.</summary>
    ChatUnavailable,
    /// <summary>400 "can't parse entities".</summary>
    BadHtml,
    /// <summary>Any other 400: this message will never be accepted.</summary>
    Rejected,
    /// <summary>Network error, timeout, 5xx: may succeed later.</summary>
    Transient,
    /// <summary>
    /// This route only (a group robot over its limit, the mail server's Email:PerMinute) takes nothing before
    /// <see cref="SendResult.RetryAfter"/>: the row waits; nothing else pauses (unlike <see cref="RateLimited"/>).
    /// </summary>
    Deferred,
}
