using System.Globalization;
using Bot.Worker.Cluster;
using Bot.Worker.Common;

namespace Bot.Worker.Awareness;

/// <summary>
/// Wakes the <see cref="BroadcastWorker"/> when a broadcast is ready to enqueue. The database is the
/// queue (approved broadcasts not yet enqueued, with their cursor); this is only the doorbell, rung in
/// this process and, through a cluster signal, on the leader when another node started the broadcast.
/// </summary>
internal sealed class BroadcastQueue(IClusterSignals cluster) : Doorbell
{
    /// <summary>Broadcast <paramref name="broadcastId"/> is approved (or a campaign run created): enqueue it, wherever the lease is.</summary>
    public void Post(long broadcastId)
    {
        Wake();
        _ = cluster.PublishAsync(ClusterChange.Broadcast, broadcastId.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
    }

    /// <summary>Look in the database now (this process only).</summary>
    public void Wake() => Ring();
}
