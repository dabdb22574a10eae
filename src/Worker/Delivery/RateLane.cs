namespace Bot.Worker.Delivery;

/// <summary>
/// One global budget of the send gate: at most N sends start in any window (a second plus a margin), counted from when
/// the previous ones completed, starts spread over half a second, and a pause after Telegram's 429. The free lane
/// carries everything at Delivery:GlobalRatePerSecond; the paid lane carries paid broadcasts at
/// Delivery:PaidRatePerSecond. Not thread-safe: the gate holds its lock around every call.
/// </summary>
internal sealed class RateLane(int perSecond, TimeSpan window)
{
    private readonly int _rate = perSecond;
    // Under this rate a second's starts are spread over half of it (a burst of 25 at once is what 429s are made of);
    // above it the permits alone pace the lane (a timer cannot wake every 0.5 ms, and a high lane is for bulk sends).
    private const int SpreadBelow = 100;
    private readonly PriorityQueue<DateTimeOffset, DateTimeOffset> _releases = new();
    private readonly TimeSpan _spacing = perSecond is > 0 and < SpreadBelow ? TimeSpan.FromSeconds(0.5 / perSecond) : TimeSpan.Zero;
    private int _permits = perSecond;
    private DateTimeOffset _lastStart = DateTimeOffset.MinValue;

    public DateTimeOffset PausedUntil { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>Starts may follow one another at once (no limit, or a limit high enough that only the permits pace it).</summary>
    public bool BackToBack => _spacing == TimeSpan.Zero;

    public void Pause(DateTimeOffset until)
    {
        if (until > PausedUntil)
        {
            PausedUntil = until;
        }
    }

    /// <summary>Takes a permit, or says when to ask again (null: when a send in flight completes).</summary>
    public bool TryTake(DateTimeOffset now, out DateTimeOffset? retryAt)
    {
        retryAt = null;
        if (PausedUntil > now)
        {
            retryAt = PausedUntil;
            return false;
        }
        if (_rate == 0)
        {
            return true;
        }
        while (_releases.TryPeek(out var release, out _) && release <= now)
        {
            _releases.Dequeue();
            _permits++;
        }
        if (_permits == 0)
        {
            retryAt = _releases.TryPeek(out var next, out _) ? next : null;
            return false;
        }
        if (now < _lastStart + _spacing)
        {
            retryAt = _lastStart + _spacing;
            return false;
        }
        _permits--;
        _lastStart = now;
        return true;
    }

    /// <summary>A send of this lane completed at <paramref name="now"/>: its permit returns one window later.</summary>
    public void Complete(DateTimeOffset now)
    {
        if (_rate > 0)
        {
            _releases.Enqueue(now + window, now + window);
        }
    }
}
