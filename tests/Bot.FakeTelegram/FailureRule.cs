namespace Bot.FakeTelegram;

// An injected error for the next calls of one method, optionally only for one chat.
internal sealed class FailureRule(string method, long? chatId, int times, ApiResult error)
{
    public int Remaining { get; private set; } = times;

    public ApiResult Error { get; } = error;

    public bool TryConsume(string calledMethod, long? calledChatId)
    {
        if (Remaining <= 0
            || !string.Equals(method, calledMethod, StringComparison.OrdinalIgnoreCase)
            || (chatId is { } only && only != calledChatId))
        {
            return false;
        }

        Remaining--;
        return true;
    }
}
