namespace Bot.Worker.Delivery;

/// <summary>States of an outbox row. Sent, blocked, failed and expired are final.</summary>
public static class DeliveryState
{
    public const string Pending = "pending";
    public const string Deferred = "deferred";

    /// <summary>Claimed by the dispatcher of <c>claimed_by</c> and being sent; put back to pending by the next leader.</summary>
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Blocked = "blocked";
    public const string Failed = "failed";
    public const string Expired = "expired";

    /// <summary>
    /// A fallback email held beside a Telegram row: made pending if that row's chat turns out unavailable (403, chat
    /// not found); otherwise never sent, and deleted by retention like a finished row.
    /// </summary>
    public const string Held = "held";
}
