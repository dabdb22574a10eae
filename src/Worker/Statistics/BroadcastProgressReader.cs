using Bot.Worker.Awareness;
using Bot.Worker.Configuration;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Statistics;

/// <summary>
/// How far a broadcast got, from its outbox rows: an enqueued one is sending until nothing is left, then done;
/// the ETA is what is left at the pace of the last minute (the configured ceiling before anything went out).
/// The dashboard's latest broadcast and the broadcasts page read it here.
/// </summary>
internal sealed class BroadcastProgressReader(BroadcastStore broadcasts, IOptions<DeliveryOptions> delivery)
{
    public async Task<BroadcastProgress> OfAsync(Broadcast b, DateTimeOffset now, CancellationToken ct)
    {
        var progress = await broadcasts.ProgressAsync(b.Id, ct);
        int Count(string state) => progress.GetValueOrDefault(state).Count;
        var queued = Count("pending") + Count("sending");
        var deferred = Count("deferred");
        var remaining = queued + deferred;
        var state = b.State == BroadcastState.Enqueued ? (remaining == 0 ? "done" : "sending") : b.State;
        TimeSpan? eta = null;
        if (remaining > 0)
        {
            var perSecond = await broadcasts.SentSinceAsync(b.Id, now - TimeSpan.FromMinutes(1), ct) / 60.0;
            if (perSecond <= 0)
            {
                var rate = delivery.Value.PaidBroadcast ? delivery.Value.PaidRatePerSecond : delivery.Value.GlobalRatePerSecond;
                perSecond = rate > 0 ? rate : 25;
            }
            eta = TimeSpan.FromSeconds(remaining / perSecond);
        }
        return new BroadcastProgress(
            b.Id, b.Kind, b.CampaignId ?? $"alert #{b.Id}", b.Topic, state, b.Total, queued,
            Count("sent"), Count("blocked"), Count("failed"), deferred, eta, progress.GetValueOrDefault("sent").Paid);
    }
}
