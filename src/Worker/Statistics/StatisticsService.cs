using Bot.Worker.Awareness;
using Bot.Worker.Chats;
using Bot.Worker.Delivery;
using Bot.Worker.Scam;

namespace Bot.Worker.Statistics;

/// <summary>
/// The statistics use case behind /stats and the console dashboard: subscribers per topic and language,
/// chats by status, deliveries by state over 24 h and 7 days (in all and by channel: Telegram, robots, email), the
/// outbox queue by priority, the latest broadcast with an ETA, and scam-check verdicts over 7 days.
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
        var day = await outbox.CountByChannelAndStateSinceAsync(now - TimeSpan.FromDays(1), ct);
        var week = await outbox.CountByChannelAndStateSinceAsync(now - TimeSpan.FromDays(7), ct);
        return new BotStatistics(
            now,
            [.. Topics.All.Select(t => new TopicSubscribers(
                t,
                bySubscription.Where(r => r.Topic == t).Sum(r => r.Count),
                [.. bySubscription.Where(r => r.Topic == t).OrderBy(r => r.Language, StringComparer.Ordinal).Select(r => (r.Language, r.Count))]))],
            new ChatCounts(byStatus.GetValueOrDefault("active"), byStatus.GetValueOrDefault("blocked"), byStatus.GetValueOrDefault("forgotten")),
            DeliveryCounts.From(Sum(day, null)),
            DeliveryCounts.From(Sum(week, null)),
            [.. Enum.GetValues<MessagePriority>().Select(p => new QueuedCount(
                p,
                queue.GetValueOrDefault(((int)p, "pending")) + queue.GetValueOrDefault(((int)p, "sending")),
                queue.GetValueOrDefault(((int)p, "deferred"))))],
            await LatestBroadcastAsync(now, ct),
            await checks.SummaryAsync(7, 5, ct),
            [.. DeliveryRoute.Channels.Select(c => new ChannelCounts(c, DeliveryCounts.From(Sum(day, c)), DeliveryCounts.From(Sum(week, c))))]);
    }

    /// <summary>Rows by state, of one channel or (null) of all.</summary>
    private static Dictionary<string, int> Sum(IReadOnlyDictionary<(string Channel, string State), int> rows, string? channel) =>
        rows.Where(r => channel is null || r.Key.Channel == channel).GroupBy(r => r.Key.State).ToDictionary(g => g.Key, g => g.Sum(r => r.Value));

    private async Task<BroadcastProgress?> LatestBroadcastAsync(DateTimeOffset now, CancellationToken ct) =>
        await broadcasts.LatestAsync(ct) is { } b ? await progress.OfAsync(b, now, ct) : null;
}
