using Bot.Worker.Transport;

namespace Bot.Worker.Delivery;

/// <summary>
/// A message to put in the outbox. <paramref name="Key"/> is its idempotency key (for example
/// occurrence + recipient + step): a second message with the same key is ignored.
/// <paramref name="Kind"/> names the template, for statistics; <paramref name="BroadcastId"/> ties it to a broadcast's progress.
/// <paramref name="Sensitive"/>: the text holds a secret (a sign-in link); the outbox keeps it only while the message
/// may still be sent, and blanks it when the row reaches a final state (sent, blocked, failed, expired).
/// <paramref name="Paid"/>: a broadcast message sent with Telegram's paid broadcast (its own, faster lane).
/// </summary>
public sealed record OutgoingMessage(
    string Key,
    long ChatId,
    string Html,
    MessagePriority Priority,
    string Kind,
    IReadOnlyList<IReadOnlyList<InlineButton>>? Buttons = null,
    DateTimeOffset? NotBefore = null,
    DateTimeOffset? ExpiresAt = null,
    long? BroadcastId = null,
    bool Sensitive = false,
    bool Paid = false);
