using Bot.Worker.Configuration;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Delivery;

/// <summary>
/// Telegram's limits as the dispatcher applies them: two global budgets (<see cref="RateLane"/>: the free one for
/// everything, and with Delivery:PaidBroadcast a paid one for paid broadcasts, each with its own rate and its own pause
/// after a 429), a gap per private chat, and a sliding minute per group.
/// </summary>
internal sealed class SendGate
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _clock;
    private readonly RateLane _free;
    private readonly RateLane _paid;
    private readonly TimeSpan _privateGap;
    private readonly GroupWindow _groups;
    private readonly Dictionary<long, DateTimeOffset> _chatReadyAt = [];
    private readonly HashSet<long> _busyChats = [];

    public SendGate(IOptions<DeliveryOptions> options, TimeProvider clock)
    {
        var o = options.Value;
        _clock = clock;
        var window = TimeSpan.FromSeconds(1) + TimeSpan.FromMilliseconds(o.WindowMarginMs);
        _free = new RateLane(o.GlobalRatePerSecond, window);
        _paid = new RateLane(o.PaidRatePerSecond, window);
        _privateGap = TimeSpan.FromMilliseconds(o.PerChatIntervalMs);
        _groups = new GroupWindow(o.GroupMessagesPerMinute);
    }

    /// <summary>Until when the free lane is paused by a 429 (MinValue: not paused).</summary>
    public DateTimeOffset PausedUntil
    {
        get
        {
            lock (_lock)
            {
                return _free.PausedUntil;
            }
        }
    }

    /// <summary>Until when both lanes are paused (MinValue unless both are): nothing at all can start before then.</summary>
    public DateTimeOffset AllPausedUntil
    {
        get
        {
            lock (_lock)
            {
                return _free.PausedUntil < _paid.PausedUntil ? _free.PausedUntil : _paid.PausedUntil;
            }
        }
    }

    /// <summary>Whether sends of this lane may start one right after another (no rate, or a high one): then rows are claimed ahead in chunks.</summary>
    public bool BackToBack(bool paid)
    {
        lock (_lock)
        {
            return Lane(paid).BackToBack;
        }
    }

    /// <summary>A 429: nothing of this lane is sent to anyone until <paramref name="retryAfter"/> has passed.</summary>
    public void Pause(TimeSpan retryAfter, bool paid = false)
    {
        lock (_lock)
        {
            Lane(paid).Pause(_clock.GetUtcNow() + retryAfter);
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

    /// <summary>Takes a permit of the row's lane, or says when to ask again (null: when a send in flight completes).</summary>
    public bool TryStart(long chatId, DateTimeOffset now, bool paid, out DateTimeOffset? retryAt)
    {
        lock (_lock)
        {
            if (!Lane(paid).TryTake(now, out retryAt))
            {
                return false;
            }
            _busyChats.Add(chatId);
            return true;
        }
    }

    /// <summary>The send to <paramref name="chatId"/> completed: its permit returns one window later, the chat's gap (a group: its minute) starts now.</summary>
    public void Complete(long chatId, bool paid)
    {
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            Lane(paid).Complete(now);
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

    private RateLane Lane(bool paid) => paid ? _paid : _free;
}
