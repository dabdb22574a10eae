using Bot.Worker.Delivery;

namespace Bot.Worker.Deadlines;

/// <summary>
/// The evidence of a fallback: when Telegram could not deliver a deadline message to a member (403, chat not found)
/// and the email held beside it went out instead, the occurrence's evidence gets a line for the email, saying so.
/// </summary>
internal sealed class DeadlineFallbacks(OccurrenceStore store) : IDeliveryFallbacks
{
    public Task ReleasedAsync(IReadOnlyList<ReleasedFallback> released, string reason, CancellationToken cancellationToken) =>
        store.AddFallbackEventsAsync(
            [.. released.Select(r => (r.FallbackOf, r.Key, r.ChatId, $"fallback to email {r.Route.EmailAddress}: Telegram said {reason}"))], cancellationToken);
}
