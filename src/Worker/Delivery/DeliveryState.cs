namespace Bot.Worker.Delivery;

/// <summary>States of an outbox row. Sent, blocked, failed and expired are final.</summary>
public static class DeliveryState
{
    public const string Pending = "pending";
    public const string Deferred = "deferred";
    public const string Sent = "sent";
    public const string Blocked = "blocked";
    public const string Failed = "failed";
    public const string Expired = "expired";
}
