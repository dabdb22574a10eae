using Bot.Worker.Transport;

namespace Bot.Worker.Delivery;

/// <summary>
/// A message to put in the outbox. <paramref name="Key"/> is its idempotency key (for example
/// occurrence + recipient + step): a second message with the same key is ignored.
/// <paramref name="Kind"/> names the template, for statistics; <paramref name="BroadcastId"/> ties it to a broadcast's progress.
/// <paramref name="Sensitive"/>: the text holds a secret (a sign-in link); the outbox keeps it only while the message
/// may still be sent, and blanks it when the row reaches a final state (sent, blocked, failed, expired).
/// A message to a group robot or an email address says so in <see cref="Route"/> (its <see cref="ChatId"/> is the route's).
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
    bool Paid = false)
{
    /// <summary>A group robot or an email address; null: the Telegram chat <see cref="ChatId"/>.</summary>
    public DeliveryRoute? Route { get; init; }

    /// <summary>For a robot: the message's line in a digest, when more wait than the robot's limit lets out (PRODUCT.md 4.9).</summary>
    public DigestEntry? Digest { get; init; }

    /// <summary>
    /// A held email: the key of the Telegram message it stands in for. It goes out only if Telegram answers that
    /// message with 403 or "chat not found"; otherwise it is never sent.
    /// </summary>
    public string? FallbackOf { get; init; }

    /// <summary>The message to <paramref name="route"/> (its chat id and channel).</summary>
    public static OutgoingMessage To(DeliveryRoute route, string key, string html, MessagePriority priority, string kind) =>
        new(key, route.ChatId, html, priority, kind) { Route = route.IsTelegram ? null : route };
}
