using System.Collections.Concurrent;
using Bot.Worker.Cluster;

namespace Bot.Worker.Delivery;

/// <summary>
/// Rows this node marks as in flight ('sending', with its node id and the time) before it sends them.
/// The dispatcher claims the rows it is about to start together, in one write, so a send never waits
/// for a write of its own; rows claimed but not started, and rows whose attempt could not be
/// recorded, go back to pending together at the next pass (or when the dispatcher stops).
/// </summary>
internal sealed class OutboxClaims(OutboxDeliveryStore store, ILeadership leadership)
{
    private readonly ConcurrentQueue<long> _unclaimed = new();

    /// <summary>Marks the rows still pending as in flight on this node; returns those it claimed.</summary>
    public async Task<IReadOnlySet<long>> ClaimAsync(IReadOnlyCollection<long> ids, CancellationToken ct) =>
        ids.Count == 0 ? new HashSet<long>() : (await store.ClaimAsync(ids, leadership.NodeId, ct)).ToHashSet();

    /// <summary>A claimed row that was not sent, or whose result could not be written, goes back to pending at the next <see cref="ReleaseUnclaimedAsync"/>.</summary>
    public void Unclaim(long id) => _unclaimed.Enqueue(id);

    public async Task ReleaseUnclaimedAsync(CancellationToken ct)
    {
        if (_unclaimed.IsEmpty)
        {
            return;
        }
        var ids = _unclaimed.ToArray();
        await store.ReleaseClaimsAsync(ids, ct);
        for (var i = 0; i < ids.Length; i++)
        {
            _unclaimed.TryDequeue(out _);
        }
    }
}
