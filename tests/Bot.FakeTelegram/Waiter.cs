namespace Bot.FakeTelegram;

// A test waiting for the first item that matches; completed outside the caller's continuation.
internal sealed class Waiter<T>(Func<T, bool> match)
{
    public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool TryComplete(T item)
    {
        bool matched;
        try
        {
            matched = match(item);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Done.TrySetException(ex);
            return true;
        }

        return matched && Done.TrySetResult(item);
    }
}
