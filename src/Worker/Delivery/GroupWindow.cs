namespace Bot.Worker.Delivery;

/// <summary>
/// Telegram's per-group limit (about 20 messages a minute) as a sliding one-minute window per group,
/// counted from when sends completed: a group may get a burst up to the limit, then waits until the
/// oldest send leaves the window. Not thread-safe: <see cref="SendGate"/> calls it under its lock.
/// </summary>
internal sealed class GroupWindow(int perMinute)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<long, Queue<DateTimeOffset>> _sends = [];

    /// <summary>Null if the group may get a message now, else when it may.</summary>
    public DateTimeOffset? ReadyAt(long chatId, DateTimeOffset now)
    {
        if (perMinute <= 0 || !_sends.TryGetValue(chatId, out var sends))
        {
            return null;
        }
        while (sends.TryPeek(out var oldest) && oldest + Window <= now)
        {
            sends.Dequeue();
        }
        return sends.Count >= perMinute ? sends.Peek() + Window : null;
    }

    public void Record(long chatId, DateTimeOffset now)
    {
        if (perMinute <= 0)
        {
            return;
        }
        if (!_sends.TryGetValue(chatId, out var sends))
        {
            _sends[chatId] = sends = new Queue<DateTimeOffset>(perMinute);
        }
        sends.Enqueue(now);
        if (_sends.Count > 10_000)
        {
            foreach (var idle in _sends.Where(p => p.Value.Peek() + Window <= now && p.Key != chatId).Select(p => p.Key).ToList())
            {
                _sends.Remove(idle);
            }
        }
    }
}
