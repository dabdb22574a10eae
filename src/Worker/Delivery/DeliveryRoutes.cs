using Bot.Worker.Transport;

namespace Bot.Worker.Delivery;

/// <summary>
/// The one seam between the dispatcher and the channels: for each row, its channel (<see cref="IDeliveryChannel"/>)
/// and its limits. Telegram rows go through <see cref="SendGate"/> (the global rate, a chat's gap, a group's minute, a
/// 429's pause); a robot's or an address's rows through their channel's own limit, one send at a time per route, and
/// never through Telegram's gate.
/// </summary>
internal sealed class DeliveryRoutes
{
    private readonly Dictionary<string, IDeliveryChannel> _channels;
    private readonly SendGate _gate;
    private readonly Lock _lock = new();
    private readonly HashSet<long> _busy = [];
    private readonly Dictionary<string, int> _inFlight = new(StringComparer.Ordinal);

    public DeliveryRoutes(IEnumerable<IDeliveryChannel> channels, SendGate gate)
    {
        _channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);
        _gate = gate;
    }

    /// <summary>False while the row's route cannot take it; <paramref name="readyAt"/> says when it may (null: when a send in flight completes).</summary>
    public bool IsReady(OutboxRow row, DateTimeOffset now, out DateTimeOffset? readyAt)
    {
        if (row.IsTelegram)
        {
            return _gate.IsChatReady(row.ChatId, now, out readyAt);
        }
        readyAt = null;
        if (!_channels.TryGetValue(row.Channel, out var channel))
        {
            return true; // refused when sent: no such channel
        }
        lock (_lock)
        {
            if (_busy.Contains(row.ChatId) || _inFlight.GetValueOrDefault(row.Channel) >= channel.MaxInFlight)
            {
                return false;
            }
        }
        readyAt = channel.ReadyAt(row);
        return readyAt is null;
    }

    /// <summary>The row alone, or with the rows waiting for its route that join it in a digest.</summary>
    public OutboxRow Digest(OutboxRow first, IReadOnlyList<OutboxRow> waiting) =>
        !first.IsTelegram && waiting.Count > 0 && _channels.TryGetValue(first.Channel, out var channel) ? channel.Digest(first, waiting) : first;

    /// <summary>Takes the route (for Telegram: a global permit, or says when to ask again).</summary>
    public bool TryStart(OutboxRow row, DateTimeOffset now, out DateTimeOffset? retryAt)
    {
        if (row.IsTelegram)
        {
            return _gate.TryStart(row.ChatId, now, row.Paid, out retryAt);
        }
        retryAt = null;
        lock (_lock)
        {
            _busy.Add(row.ChatId);
            _inFlight[row.Channel] = _inFlight.GetValueOrDefault(row.Channel) + 1;
        }
        return true;
    }

    /// <summary>The send of <paramref name="row"/> completed (whatever its result): its route is free again.</summary>
    public void Complete(OutboxRow row)
    {
        if (row.IsTelegram)
        {
            _gate.Complete(row.ChatId, row.Paid);
            return;
        }
        lock (_lock)
        {
            _busy.Remove(row.ChatId);
            _inFlight[row.Channel] = Math.Max(0, _inFlight.GetValueOrDefault(row.Channel) - 1);
        }
    }

    /// <summary>Sends through the row's channel; a transport's network failure may still throw (the courier retries it).</summary>
    public Task<SendResult> SendAsync(OutboxRow row, CancellationToken cancellationToken) =>
        _channels.TryGetValue(row.Channel, out var channel)
            ? channel.SendAsync(row, cancellationToken)
            : Task.FromResult(SendResult.Failed(SendOutcome.Rejected, $"no channel '{row.Channel}'"));
}
