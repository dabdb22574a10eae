using Bot.Worker.Awareness;
using Bot.Worker.Chats;
using Bot.Worker.Delivery;
using Bot.Worker.Scam;

namespace Bot.Worker.Statistics;

/// <summary>
/// The statistics use case behind /stats and the console dashboard: subscribers per topic and language,
/// chats by status, deliveries by state over 24 h and 7 days, the outbox queue by priority, the latest
/// broadcast with an ETA, and scam-check verdicts over 7 days.
/// </summary>
internal sealed class StatisticsService(
    SubscriptionStore subscriptions, ChatStore chats, OutboxDeliveryStore outbox, BroadcastStore broadcasts, BroadcastProgressReader progress, ScamCheckService checks, TimeProvider clock)
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

    private async Task<BroadcastProgress?> LatestBroadcastAsync(DateTimeOffset now, CancellationToken ct) =>
        await broadcasts.LatestAsync(ct) is { } b ? await progress.OfAsync(b, now, ct) : null;
}
