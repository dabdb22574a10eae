namespace Bot.FakeRobots;

// Accepted posts in a sliding window, as the apps count them.
internal sealed class RobotWindow(int limit, TimeSpan window)
{
    private readonly Queue<DateTimeOffset> _accepted = new();

    public bool IsFull(DateTimeOffset now)
    {
        while (_accepted.TryPeek(out var oldest) && oldest + window <= now)
        {
            _accepted.Dequeue();
        }
        return _accepted.Count >= limit;
    }

    public void Add(DateTimeOffset now) => _accepted.Enqueue(now);
}
