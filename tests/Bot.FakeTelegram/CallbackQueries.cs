using System.Collections.Concurrent;
using System.Globalization;

namespace Bot.FakeTelegram;

// Callback query ids handed out in updates; each may be answered once, like in Telegram.
internal sealed class CallbackQueries
{
    private readonly ConcurrentDictionary<string, bool> _answered = new(StringComparer.Ordinal);
    private long _next = 4_611_686_018_427_387_000;

    public string Issue()
    {
        var id = Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
        _answered[id] = false;
        return id;
    }

    public bool TryAnswer(string? id) => id is not null && _answered.TryUpdate(id, true, false);
}
