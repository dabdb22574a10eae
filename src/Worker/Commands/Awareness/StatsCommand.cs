using Bot.Worker.Awareness;
using Bot.Worker.Configuration;
using Bot.Worker.Chats;
using Bot.Worker.Delivery;
using Bot.Worker.Scam;
using Bot.Worker.Templating;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Commands.Awareness;

/// <summary>/stats: subscribers per topic and language, chats active and blocked, deliveries by state over 24 h and 7 days, the latest broadcast with an ETA, and scam-check verdicts by colour with the top signs over 7 days.</summary>
internal sealed class StatsCommand(SubscriptionStore subscriptions, ChatStore chatStore, OutboxDeliveryStore outbox, BroadcastStore broadcasts, TopicView topics, TimeWords words, IOptions<DeliveryOptions> delivery, ScamCheckService checks, TimeProvider clock) : ICommandHandler
{
    public string Name => "stats";

    public CommandAccess Access => CommandAccess.Admin;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var bySubscription = await subscriptions.CountByTopicAndLanguageAsync(cancellationToken);
        var chats = await chatStore.CountByStatusAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var checkSummary = await checks.SummaryAsync(7, 5, cancellationToken);
        await context.ReplyAsync("stats", new
        {
            Topics = Topics.All.Select(t => new
            {
                Topic = t,
                Name = topics.Name(language, t),
                Total = bySubscription.Where(r => r.Topic == t).Sum(r => r.Count),
                Languages = bySubscription.Where(r => r.Topic == t).OrderBy(r => r.Language)
                    .Select(r => new { Language = r.Language ?? context.Recipient.Language, r.Count }),
            }),
            Chats = new { Active = chats.GetValueOrDefault("active"), Blocked = chats.GetValueOrDefault("blocked"), Forgotten = chats.GetValueOrDefault("forgotten") },
            Day = Deliveries(await outbox.CountByStateSinceAsync(now - TimeSpan.FromDays(1), cancellationToken)),
            Week = Deliveries(await outbox.CountByStateSinceAsync(now - TimeSpan.FromDays(7), cancellationToken)),
            Broadcast = await LatestAsync(language, now, cancellationToken),
            Checks = new
            {
                Red = checkSummary.Verdicts.GetValueOrDefault("red"),
                Orange = checkSummary.Verdicts.GetValueOrDefault("orange"),
                Green = checkSummary.Verdicts.GetValueOrDefault("green"),
                Total = checkSummary.Verdicts.Values.Sum(),
                TopSigns = checkSummary.TopSigns.Select(s => new { Id = s.SignId, s.Count }).ToList(),
            },
        }, ct: cancellationToken);
    }

    private static object Deliveries(IReadOnlyDictionary<string, int> rows) =>
        new
        {
            Pending = rows.GetValueOrDefault("pending") + rows.GetValueOrDefault("sending"),
            Deferred = rows.GetValueOrDefault("deferred"),
            Sent = rows.GetValueOrDefault("sent"),
            Blocked = rows.GetValueOrDefault("blocked"),
            Failed = rows.GetValueOrDefault("failed"),
            Expired = rows.GetValueOrDefault("expired"),
        };

    private async Task<object> LatestAsync(string language, DateTimeOffset now, CancellationToken ct)
    {
        var b = await broadcasts.LatestAsync(ct);
        if (b is null)
        {
            return new { Present = false, Id = 0L, Kind = "", Name = "", Topic = "", State = "", Total = 0, Queued = 0, Sent = 0, Blocked = 0, Failed = 0, Deferred = 0, Eta = "" };
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
        return new
        {
            Present = true,
            b.Id,
            b.Kind,
            Name = b.CampaignId ?? $"alert #{b.Id}",
            Topic = topics.Name(language, b.Topic),
            State = state,
            b.Total,
            Queued = queued,
            Sent = progress.GetValueOrDefault("sent"),
            Blocked = progress.GetValueOrDefault("blocked"),
            Failed = progress.GetValueOrDefault("failed"),
            Deferred = deferred,
            Eta = remaining == 0 ? "" : words.Format(TimeSpan.FromSeconds(remaining / perSecond), language),
        };
    }
}
