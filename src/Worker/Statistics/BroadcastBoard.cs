using Bot.Worker.Awareness;
using Bot.Worker.Chats;

namespace Bot.Worker.Statistics;

/// <summary>The broadcasts page's reading side: the latest alerts, or one, with their people and progress.</summary>
internal sealed class BroadcastBoard(BroadcastStore store, BroadcastProgressReader progress, RecipientDirectory people, TimeProvider clock)
{
    public async Task<IReadOnlyList<AlertStatus>> LatestAsync(int limit, CancellationToken ct)
    {
        var names = new Dictionary<long, string>();
        var now = clock.GetUtcNow();
        var list = new List<AlertStatus>();
        foreach (var b in await store.LatestAlertsAsync(limit, ct))
        {
            list.Add(await StatusAsync(b, names, now, ct));
        }
        return list;
    }

    /// <summary>An alert by id; null for an unknown id or a campaign run.</summary>
    public async Task<AlertStatus?> FindAsync(long id, CancellationToken ct) =>
        await store.FindAsync(id, ct) is { Kind: BroadcastKind.Alert } b ? await StatusAsync(b, [], clock.GetUtcNow(), ct) : null;

    private async Task<AlertStatus> StatusAsync(Broadcast b, Dictionary<long, string> names, DateTimeOffset now, CancellationToken ct)
    {
        var queued = b.State is not (BroadcastState.PendingApproval or BroadcastState.Rejected or BroadcastState.Withdrawn);
        return new AlertStatus(
            b,
            b.ProposedBy is { } p ? await NameAsync(p, names, ct) : "",
            b.DecidedBy is { } d ? await NameAsync(d, names, ct) : null,
            queued ? await progress.OfAsync(b, now, ct) : null);
    }

    private async Task<string> NameAsync(long id, Dictionary<long, string> names, CancellationToken ct)
    {
        if (!names.TryGetValue(id, out var name))
        {
            name = names[id] = await people.NameAsync(id, ct);
        }
        return name;
    }
}
