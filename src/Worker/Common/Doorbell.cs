namespace Bot.Worker.Common;

/// <summary>
/// A wake-up for one waiting loop: rings coalesce (one pending ring at most), and a wait ends on a ring
/// or after a timeout on the given clock, so the loop looks again without polling in between.
/// </summary>
internal class Doorbell : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Ring()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already rung.
        }
    }

    /// <summary>Waits for a ring, or until <paramref name="timeout"/> on <paramref name="clock"/> (null: no timeout; zero or less: returns at once).</summary>
    public async Task WaitAsync(TimeSpan? timeout, TimeProvider clock, CancellationToken ct)
    {
        if (timeout is { } t && t <= TimeSpan.Zero)
        {
            return;
        }
        using var timer = timeout is { } delay ? new CancellationTokenSource(delay, clock) : null;
        using var linked = timer is null ? null : CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            await _wake.WaitAsync(linked?.Token ?? ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Timed out: time to look again.
        }
    }

    public void Dispose()
    {
        _wake.Dispose();
        GC.SuppressFinalize(this);
    }
}
