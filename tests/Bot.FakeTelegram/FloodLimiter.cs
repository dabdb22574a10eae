using System.Diagnostics;

namespace Bot.FakeTelegram;

// Sliding one-second windows over accepted sends, global and per chat. Callers serialize
// access and pass non-decreasing Stopwatch timestamps, so after any acceptance no half-open
// one-second window holds more than the limit (what MaxInAnyWindow measures).
internal sealed class FloodLimiter(int globalPerSecond, int perChatPerSecond, int retryAfterSeconds)
{
    private readonly Queue<long> _global = new();
    private readonly Dictionary<long, Queue<long>> _perChat = [];

    public int RetryAfterSeconds { get; } = retryAfterSeconds;

    public bool TryAcquire(long chatId, long now)
    {
        Evict(_global, now);
        if (globalPerSecond > 0 && _global.Count >= globalPerSecond)
        {
            return false;
        }

        if (!_perChat.TryGetValue(chatId, out var chat))
        {
            chat = new Queue<long>();
            _perChat[chatId] = chat;
        }

        Evict(chat, now);
        if (perChatPerSecond > 0 && chat.Count >= perChatPerSecond)
        {
            return false;
        }

        _global.Enqueue(now);
        chat.Enqueue(now);
        return true;
    }

    private static void Evict(Queue<long> window, long now)
    {
        while (window.Count > 0 && now - window.Peek() >= Stopwatch.Frequency)
        {
            window.Dequeue();
        }
    }
}
