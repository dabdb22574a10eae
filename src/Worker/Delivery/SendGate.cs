using Bot.Worker.Configuration;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Delivery;

/// <summary>
/// Telegram's limits as the dispatcher applies them: a global window (at most N sends start in any
/// second, counted from when the previous ones completed, so network jitter cannot squeeze N+1 into
/// one second on Telegram's side), a gap per private chat, a sliding minute per group, and a global
/// pause after a 429.
/// </summary>
internal sealed class SendGate
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _clock;
    private readonly int _rate;
    private readonly TimeSpan _window;
    private readonly TimeSpan _spacing;
    private readonly TimeSpan _privateGap;
    private readonly GroupWindow _groups;
    private readonly PriorityQueue<DateTimeOffset, DateTimeOffset> _releases = new();
    private readonly Dictionary<long, DateTimeOffset> _chatReadyAt = [];
    private readonly HashSet<long> _busyChats = [];
    private int _permits;
    private DateTimeOffset _lastStart = DateTimeOffset.MinValue;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public SendGate(IOptions<DeliveryOptions> options, TimeProvider clock)
    {
        var o = options.Value;
        _clock = clock;
        _rate = o.GlobalRatePerSecond;
        _permits = _rate;
        _window = TimeSpan.FromSeconds(1) + TimeSpan.FromMilliseconds(o.WindowMarginMs);
        // Spread a second's sends over half of it rather than firing them in one burst.
        _spacing = _rate > 0 ? TimeSpan.FromSeconds(0.5 / _rate) : TimeSpan.Zero;
        _privateGap = TimeSpan.FromMilliseconds(o.PerChatIntervalMs);
        _groups = new GroupWindow(o.GroupMessagesPerMinute);
    }

    public DateTimeOffset PausedUntil
    {
        get
        {
            lock (_lock)
            {
                return _pausedUntil;
            }
        }
    }

    /// <summary>How many sends may start one right after another: one under a global rate (starts are spaced), any number without.</summary>
    public int BackToBackStarts => _rate > 0 ? 1 : int.MaxValue;

    /// <summary>A 429: nothing is sent to anyone until <paramref name="retryAfter"/> has passed.</summary>
    public void Pause(TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var until = _clock.GetUtcNow() + retryAfter;
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    /// <summary>False while a send to the chat is in flight or its gap (a group: its minute's quota) has not passed; <paramref name="readyAt"/> says when it may go (null: when the send in flight completes).</summary>
    public bool IsChatReady(long chatId, DateTimeOffset now, out DateTimeOffset? readyAt)
    {
        lock (_lock)
        {
            readyAt = null;
            if (_busyChats.Contains(chatId))
            {
                return false;
            }
            if (_chatReadyAt.TryGetValue(chatId, out var at) && at > now)
            {
                readyAt = at;
                return false;
            }
            if (chatId < 0 && _groups.ReadyAt(chatId, now) is { } groupReady)
            {
                readyAt = groupReady;
                return false;
            }
            return true;
        }
    }

    /// <summary>Takes a global permit, or says when to ask again (null: when a send in flight completes).</summary>
    public bool TryStart(long chatId, DateTimeOffset now, out DateTimeOffset? retryAt)
    {
        lock (_lock)
        {
            retryAt = null;
            if (_pausedUntil > now)
            {
                retryAt = _pausedUntil;
                return false;
            }
            if (_rate > 0)
            {
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
            }
            _busyChats.Add(chatId);
            return true;
        }
    }

    /// <summary>The send to <paramref name="chatId"/> completed: its permit returns one window later, the chat's gap (a group: its minute) starts now.</summary>
    public void Complete(long chatId)
    {
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            if (_rate > 0)
            {
                _releases.Enqueue(now + _window, now + _window);
            }
            _busyChats.Remove(chatId);
            if (chatId < 0)
            {
                _groups.Record(chatId, now);
            }
            else if (_privateGap > TimeSpan.Zero)
            {
                _chatReadyAt[chatId] = now + _privateGap;
            }
            if (_chatReadyAt.Count > 50_000)
            {
                foreach (var stale in _chatReadyAt.Where(p => p.Value <= now).Select(p => p.Key).ToList())
                {
                    _chatReadyAt.Remove(stale);
                }
            }
        }
    }
}
