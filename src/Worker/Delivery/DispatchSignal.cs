using Bot.Worker.Common;

namespace Bot.Worker.Delivery;

/// <summary>
/// Wakes the dispatcher when a row is enqueued or a send completes, so it never polls the table.
/// Remembers the most urgent priority enqueued since the dispatcher last looked.
/// </summary>
internal sealed class DispatchSignal : Doorbell
{
    private int _urgent = int.MaxValue;
    private int _deferredAdded = 1;
    private long _notifications;

    /// <summary>How many notifications there have been: a pass that began after the N-th has seen what it announced.</summary>
    public long Notifications => Interlocked.Read(ref _notifications);

    /// <summary>A row became deferred (enqueued for later, or put back after a failure): the dispatcher looks at deferred rows again.</summary>
    public void DeferredAdded()
    {
        Interlocked.Exchange(ref _deferredAdded, 1);
        Notify();
    }

    /// <summary>True (and cleared) when a row became deferred since the dispatcher last looked.</summary>
    public bool TakeDeferredAdded() => Interlocked.Exchange(ref _deferredAdded, 0) == 1;

    /// <summary>Wakes the dispatcher; returns this notification's number (see <see cref="Notifications"/>).</summary>
    public long Notify(MessagePriority? enqueued = null)
    {
        var number = Interlocked.Increment(ref _notifications);
        if (enqueued is { } priority)
        {
            int seen;
            do
            {
                seen = Volatile.Read(ref _urgent);
            }
            while ((int)priority < seen && Interlocked.CompareExchange(ref _urgent, (int)priority, seen) != seen);
        }
        Ring();
        return number;
    }

    /// <summary>True (and cleared) when something more urgent than <paramref name="priority"/> arrived.</summary>
    public bool TakeMoreUrgentThan(int priority)
    {
        if (Volatile.Read(ref _urgent) >= priority)
        {
            return false;
        }
        Interlocked.Exchange(ref _urgent, int.MaxValue);
        return true;
    }

    public void ClearUrgent() => Interlocked.Exchange(ref _urgent, int.MaxValue);
}
