namespace Bot.FakeTelegram;

// Errors the test asked for: one-off failures, blocked and unknown chats, flood control.
internal sealed class Faults
{
    private readonly Lock _gate = new();
    private readonly List<FailureRule> _rules = [];
    private readonly HashSet<long> _blocked = [];
    private readonly HashSet<long> _notFound = [];

    private volatile FloodLimiter? _flood;
    private volatile FloodLimiter? _paidFlood;

    // Used under the caller's accept lock; replaced as a whole.
    public FloodLimiter? Flood
    {
        get => _flood;
        set => _flood = value;
    }

    // Paid broadcasts (allow_paid_broadcast) have a limit of their own, as on Telegram (up to 1000 a second).
    public FloodLimiter? PaidFlood
    {
        get => _paidFlood;
        set => _paidFlood = value;
    }

    public void AddRule(FailureRule rule)
    {
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    public ApiResult? TakeInjected(string method, long? chatId)
    {
        lock (_gate)
        {
            if (_rules.Count == 0)
            {
                return null;
            }

            foreach (var rule in _rules)
            {
                if (rule.TryConsume(method, chatId))
                {
                    _rules.RemoveAll(r => r.Remaining <= 0);
                    return rule.Error;
                }
            }

            return null;
        }
    }

    public void SetBlocked(long chatId, bool blocked)
    {
        lock (_gate)
        {
            _ = blocked ? _blocked.Add(chatId) : _blocked.Remove(chatId);
        }
    }

    public void SetNotFound(long chatId, bool notFound)
    {
        lock (_gate)
        {
            _ = notFound ? _notFound.Add(chatId) : _notFound.Remove(chatId);
        }
    }

    public ApiResult? CheckChat(long chatId)
    {
        lock (_gate)
        {
            if (_notFound.Contains(chatId))
            {
                return ApiResult.BadRequest("chat not found");
            }

            if (!_blocked.Contains(chatId))
            {
                return null;
            }

            return ApiResult.Error(403, chatId < 0
                ? "Forbidden: bot was kicked from the supergroup chat"
                : "Forbidden: bot was blocked by the user");
        }
    }
}
