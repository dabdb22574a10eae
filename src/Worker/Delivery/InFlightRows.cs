using System.Collections.Concurrent;

namespace Bot.Worker.Delivery;

/// <summary>
/// The dispatcher's memory of rows it is sending: a row is in flight from its start until its result
/// is durable, and a page read before a row completed may still show it pending, so it must not be
/// sent again. Completions are numbered to tell which pages are older than which completion.
/// </summary>
internal sealed class InFlightRows
{
    private readonly ConcurrentDictionary<long, byte> _inFlight = new();
    private readonly ConcurrentDictionary<long, long> _completedAt = new();
    private long _completions;

    public bool IsEmpty => _inFlight.IsEmpty;

    public IReadOnlyCollection<long> Ids => [.. _inFlight.Keys];

    public void Start(long id) => _inFlight[id] = 0;

    public void Complete(long id)
    {
        _completedAt[id] = Interlocked.Increment(ref _completions);
        _inFlight.TryRemove(id, out _);
    }

    /// <summary>Taken before a page is read; completions before it no longer matter to later pages.</summary>
    public long Mark() => Volatile.Read(ref _completions);

    /// <summary>Forgets completions no page still to be read can be older than.</summary>
    public void ForgetBefore(long mark)
    {
        foreach (var (id, completed) in _completedAt)
        {
            if (completed <= mark)
            {
                _completedAt.TryRemove(id, out _);
            }
        }
    }

    /// <summary>True for a row of a page read at <paramref name="pageMark"/> that is in flight or completed since.</summary>
    public bool Skip(long id, long pageMark) =>
        _inFlight.ContainsKey(id) || (_completedAt.TryGetValue(id, out var completed) && completed > pageMark);

    /// <summary>Waits (briefly, polling) until no row is in flight.</summary>
    public async Task WaitEmptyAsync(TimeSpan atMost)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!_inFlight.IsEmpty && waited.Elapsed < atMost)
        {
            await Task.Delay(10);
        }
    }
}
