namespace Bot.Worker.Channels;

/// <summary>
/// One robot's (or the mail server's) send budget: at most <paramref name="perMinute"/> in any 60 s and, when
/// <paramref name="perSecond"/> is above 0, at most that many in any second; plus a pause after the app said "too
/// fast", doubling while it keeps saying so (up to 30 minutes) and forgotten at the next success. Thread-safe.
/// </summary>
internal sealed class ChannelLimiter(int perMinute, int perSecond, TimeProvider time)
{
    public static readonly TimeSpan MaxPause = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Added to each window: a slot is counted when it is taken, before the post, and a post that took longer on the
    /// wire than the one a minute later must not make the app see one too many in its window.
    /// </summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(500);

    private readonly Lock _lock = new();
    private readonly SlidingWindow _minute = new(perMinute, TimeSpan.FromMinutes(1) + Margin);
    private readonly SlidingWindow _second = new(perSecond, TimeSpan.FromSeconds(1) + (Margin / 10));
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private int _rateErrors;

    public static ChannelLimiter ForRobot(RobotOptions options, TimeProvider time)
    {
        var kind = options.Kind ?? RobotKind.WeCom;
        return new ChannelLimiter(options.PerMinute ?? RobotOptions.DefaultPerMinute(kind), RobotOptions.PerSecond(kind), time);
    }

    public int PerMinute => perMinute;

    /// <summary>Null if a message may go now, else when the next one may.</summary>
    public DateTimeOffset? ReadyAt()
    {
        lock (_lock)
        {
            return ReadyAt(time.GetUtcNow());
        }
    }

    /// <summary>How many messages may go now without waiting (0 while paused): what the next minute lets out at once.</summary>
    public int Free()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            return _pausedUntil > now ? 0 : _minute.Free(now);
        }
    }

    /// <summary>Takes a slot when one is free now (true); otherwise says when the next is (false).</summary>
    public bool TryTake(out DateTimeOffset nextSlot)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (ReadyAt(now) is { } next)
            {
                nextSlot = next;
                return false;
            }
            _minute.Record(now);
            _second.Record(now);
            nextSlot = now;
            return true;
        }
    }

    /// <summary>The app refused a send as too fast and named (or implied) <paramref name="retryAt"/>: pause until then, longer each time in a row.</summary>
    public DateTimeOffset NoteRateError(DateTimeOffset retryAt)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var wait = retryAt > now ? retryAt - now : TimeSpan.FromSeconds(1);
            var factor = 1 << Math.Min(_rateErrors, 10);
            _rateErrors++;
            var pause = wait * factor;
            _pausedUntil = now + (pause > MaxPause ? (wait > MaxPause ? wait : MaxPause) : pause);
            return _pausedUntil;
        }
    }

    public void NoteSent()
    {
        lock (_lock)
        {
            _rateErrors = 0;
        }
    }

    private DateTimeOffset? ReadyAt(DateTimeOffset now)
    {
        DateTimeOffset? next = _pausedUntil > now ? _pausedUntil : null;
        foreach (var window in (ReadOnlySpan<DateTimeOffset?>)[_minute.ReadyAt(now), _second.ReadyAt(now)])
        {
            if (window is { } at && (next is null || at > next))
            {
                next = at;
            }
        }
        return next;
    }
}
