using Bot.Worker.Cluster;
using Bot.Worker.Delivery;
using Bot.Worker.Storage;

namespace Bot.Tests.Unit.Support;

/// <summary>The dispatcher's store as one node sees it, and rows claimed under a term, as the dispatcher claims them before it writes their results.</summary>
internal static class Fencing
{
    public static OutboxDeliveryStore Store(IDatabase db, TimeProvider clock, string node = "test") =>
        new(db, new AlwaysLeader(new ClusterNode(node), new LeaseStore(db)), clock, new DispatchSignal());

    /// <summary>A new term for <paramref name="node"/>: every earlier term's claims and writes are refused from now on.</summary>
    public static Task<long> NewTermAsync(IDatabase db, string node = "test") => new LeaseStore(db).StartSoleTermAsync(node, CancellationToken.None);

    /// <summary>Claims <paramref name="ids"/> under a new term and returns it.</summary>
    public static async Task<long> ClaimAsync(IDatabase db, OutboxDeliveryStore store, params long[] ids)
    {
        var term = await NewTermAsync(db);
        await store.ClaimAsync(ids, term, CancellationToken.None);
        return term;
    }
}
