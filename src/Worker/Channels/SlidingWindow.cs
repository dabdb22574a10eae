namespace Bot.Worker.Channels;

/// <summary>
/// At most <paramref name="limit"/> events in any <paramref name="window"/>: the next is allowed once the oldest of
/// the last <paramref name="limit"/> leaves the window. Not thread-safe (<see cref="ChannelLimiter"/> locks).
/// (Delivery's GroupWindow is the same idea for Telegram groups, fixed at one minute and keyed by chat; channels sit
/// below Delivery, so they keep their own.)
/// </summary>
internal sealed class SlidingWindow(int limit, TimeSpan window)
{
    private readonly Queue<DateTimeOffset> _events = new();

    /// <summary>Null if an event may happen at <paramref name="now"/>, else the earliest time it may.</summary>
    public DateTimeOffset? ReadyAt(DateTimeOffset now)
    {
        if (limit <= 0)
        {
            return null;
        }
        while (_events.TryPeek(out var oldest) && oldest + window <= now)
        {
            _events.Dequeue();
        }
        return _events.Count >= limit ? _events.ElementAt(_events.Count - limit) + window : null;
    }

    /// <summary>How many events may still happen at <paramref name="now"/> (int.MaxValue without a limit).</summary>
    public int Free(DateTimeOffset now)
    {
        if (limit <= 0)
        {
            return int.MaxValue;
        }
        ReadyAt(now);
        return Math.Max(0, limit - _events.Count);
    }

    public void Record(DateTimeOffset now)
    {
        if (limit > 0)
        {
            _events.Enqueue(now);
        }
    }
}
