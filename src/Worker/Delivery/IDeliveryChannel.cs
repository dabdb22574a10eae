using Bot.Worker.Transport;

namespace Bot.Worker.Delivery;

/// <summary>
/// One way out of the outbox: Telegram, the group robots, email. It takes a claimed row (a rendered Telegram HTML
/// message and where it goes) and returns what became of it as a <see cref="SendResult"/>: sent; deferred for its
/// route only until a time; refused for good with a reason; transient. It never throws for its own errors. The
/// outbox, the retries and the evidence do not know which channel a row took; each channel keeps its own limits
/// (<see cref="DeliveryRoutes"/> applies Telegram's, <see cref="SendGate"/>, to Telegram rows only).
/// </summary>
internal interface IDeliveryChannel
{
    /// <summary>The <c>outbox.channel</c> value it sends (<see cref="DeliveryRoute"/>).</summary>
    string Name { get; }

    /// <summary>How many of its rows may be in flight at once (one route still gets one at a time).</summary>
    int MaxInFlight { get; }

    /// <summary>Null when the row's route may take a message now; otherwise when it may (its own limit).</summary>
    DateTimeOffset? ReadyAt(OutboxRow row);

    /// <summary>
    /// <paramref name="first"/>, or, when more rows wait for its route than the route lets out now, <paramref name="first"/>
    /// with the <paramref name="waiting"/> rows (same route, in order) that join it in one digest.
    /// </summary>
    OutboxRow Digest(OutboxRow first, IReadOnlyList<OutboxRow> waiting);

    Task<SendResult> SendAsync(OutboxRow row, CancellationToken cancellationToken);
}
