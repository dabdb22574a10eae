using System.Collections.Concurrent;
using Bot.Worker.Delivery;
using Bot.Worker.Transport;

namespace Bot.Tests.Unit.Support;

/// <summary>The email channel as the dispatcher sees it, recording each row it is given (always sent).</summary>
internal sealed class RecordingEmailChannel : IDeliveryChannel
{
    public ConcurrentQueue<OutboxRow> Sent { get; } = new();

    public string Name => DeliveryRoute.Email;

    public int MaxInFlight => 4;

    public DateTimeOffset? ReadyAt(OutboxRow row) => null;

    public OutboxRow Digest(OutboxRow first, IReadOnlyList<OutboxRow> waiting) => first;

    public Task<SendResult> SendAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        Sent.Enqueue(row);
        return Task.FromResult(new SendResult(SendOutcome.Sent));
    }
}
