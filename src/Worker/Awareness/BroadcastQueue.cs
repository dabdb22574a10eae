using System.Globalization;
using Bot.Worker.Cluster;

namespace Bot.Worker.Awareness;

/// <summary>
/// Wakes the <see cref="BroadcastWorker"/> when a broadcast is ready to enqueue. The database is the
/// queue (approved broadcasts not yet enqueued, with their cursor); this is only the doorbell, rung in
/// this process and, through a cluster signal, on the leader when another node started the broadcast.
/// </summary>
internal sealed class BroadcastQueue(IClusterSignals cluster) : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Broadcast <paramref name="broadcastId"/> is approved (or a campaign run created): enqueue it, wherever the lease is.</summary>
    public void Post(long broadcastId)
    {
        Wake();
        _ = cluster.PublishAsync(ClusterChange.Broadcast, broadcastId.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
    }

    /// <summary>Look in the database now (this process only).</summary>
    public void Wake()
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

    /// <summary>Waits for the doorbell, or at most <paramref name="timeout"/> on <paramref name="clock"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        using var timer = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            await _wake.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Time for the safety look.
        }
    }

    public void Dispose() => _wake.Dispose();
}
