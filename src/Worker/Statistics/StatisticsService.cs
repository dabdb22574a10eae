using Bot.Worker.Awareness;
using Bot.Worker.Chats;
using Bot.Worker.Configuration;
using Bot.Worker.Delivery;
using Bot.Worker.Scam;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Statistics;

/// <summary>
/// The statistics use case behind /stats and the console dashboard: subscribers per topic and language,
/// chats by status, deliveries by state over 24 h and 7 days, the outbox queue by priority, the latest
/// broadcast with an ETA, and scam-check verdicts over 7 days.
/// </summary>
internal sealed class StatisticsService(
    SubscriptionStore subscriptions, ChatStore chats, OutboxDeliveryStore outbox, BroadcastStore broadcasts, IOptions<DeliveryOptions> delivery, ScamCheckService checks, TimeProvider clock)
{
    public async Task<BotStatistics> CurrentAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var bySubscription = await subscriptions.CountByTopicAndLanguageAsync(ct);
        var byStatus = await chats.CountByStatusAsync(ct);
        var queue = await outbox.CountQueuedByPriorityAsync(ct);
        return new BotStatistics(
            now,
            [.. Topics.All.Select(t => new TopicSubscribers(
                t,
                bySubscription.Where(r => r.Topic == t).Sum(r => r.Count),
                [.. bySubscription.Where(r => r.Topic == t).OrderBy(r => r.Language, StringComparer.Ordinal).Select(r => (r.Language, r.Count))]))],
            new ChatCounts(byStatus.GetValueOrDefault("active"), byStatus.GetValueOrDefault("blocked"), byStatus.GetValueOrDefault("forgotten")),
            DeliveryCounts.From(await outbox.CountByStateSinceAsync(now - TimeSpan.FromDays(1), ct)),
            DeliveryCounts.From(await outbox.CountByStateSinceAsync(now - TimeSpan.FromDays(7), ct)),
            [.. Enum.GetValues<MessagePriority>().Select(p => new QueuedCount(
                p,
                queue.GetValueOrDefault(((int)p, "pending")) + queue.GetValueOrDefault(((int)p, "sending")),
                queue.GetValueOrDefault(((int)p, "deferred"))))],
            await LatestBroadcastAsync(now, ct),
            await checks.SummaryAsync(7, 5, ct));
    }

    private async Task<BroadcastProgress?> LatestBroadcastAsync(DateTimeOffset now, CancellationToken ct)
    {
        var b = await broadcasts.LatestAsync(ct);
        if (b is null)
        {
            return null;
        }
        var progress = await broadcasts.ProgressAsync(b.Id, ct);
        var queued = progress.GetValueOrDefault("pending") + progress.GetValueOrDefault("sending");
        var deferred = progress.GetValueOrDefault("deferred");
        var remaining = queued + deferred;
        var state = b.State == BroadcastState.Enqueued ? (remaining == 0 ? "done" : "sending") : b.State;
        // The pace of the last minute, or the configured ceiling when nothing went out yet.
        var perSecond = await broadcasts.SentSinceAsync(b.Id, now - TimeSpan.FromMinutes(1), ct) / 60.0;
        if (perSecond <= 0)
        {
            perSecond = delivery.Value.GlobalRatePerSecond > 0 ? delivery.Value.GlobalRatePerSecond : 25;
        }
        return new BroadcastProgress(
            b.Id, b.Kind, b.CampaignId ?? $"alert #{b.Id}", b.Topic, state, b.Total, queued,
            progress.GetValueOrDefault("sent"), progress.GetValueOrDefault("blocked"), progress.GetValueOrDefault("failed"), deferred,
            remaining == 0 ? null : TimeSpan.FromSeconds(remaining / perSecond));
    }
}
