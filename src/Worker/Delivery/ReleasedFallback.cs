namespace Bot.Worker.Delivery;

/// <summary>
/// A held fallback email that became pending: its own outbox key, the key of the Telegram row that could not be
/// delivered, and where it goes (its chat id and address column, <see cref="DeliveryRoute"/>).
/// </summary>
public sealed record ReleasedFallback(string Key, string FallbackOf, long ChatId, string? Address)
{
    public DeliveryRoute Route => new(DeliveryRoute.Email, ChatId, Address);
}
