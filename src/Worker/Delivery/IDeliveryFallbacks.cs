namespace Bot.Worker.Delivery;

/// <summary>Told when fallback emails held beside Telegram rows go out instead, because the chat is unavailable (403, chat not found).</summary>
public interface IDeliveryFallbacks
{
    /// <summary>Records each fallback (the caller's unit of work): the key of the email row sent instead, and of the Telegram row it stands in for.</summary>
    Task ReleasedAsync(IReadOnlyList<ReleasedFallback> released, string reason, CancellationToken cancellationToken);
}
