using Bot.Worker.Chats;
using Bot.Worker.Delivery;
using Bot.Worker.Storage;
using Bot.Worker.Templating;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Awareness;

/// <summary>
/// Turns a broadcast into outbox rows, one per active subscriber of its topic (key "bc:ID:CHAT"), in
/// batches of <see cref="BatchSize"/>: each batch, its tip rotation and the resume point commit in one
/// transaction, so a crash resumes where it stopped and memory holds one batch, not the audience.
/// Tips and campaign messages for a chat in its quiet hours wait for the end of the window.
/// </summary>
internal sealed partial class BroadcastEnqueuer(
    IDatabase database, BroadcastStore store, OutboxStore outbox, TipHistoryStore tipHistory, MessageRenderer renderer, BroadcastModels models,
    RecipientDirectory recipients, PaidBroadcasts paid, TimeProvider clock, ILogger<BroadcastEnqueuer> logger)
{
    public const int BatchSize = 1000;

    public async Task RunAsync(long broadcastId, CancellationToken ct)
    {
        var b = await store.FindAsync(broadcastId, ct);
        if (b is null || b.State is not (BroadcastState.Approved or BroadcastState.Enqueuing))
        {
            return;
        }
        await store.SetStateAsync(b.Id, BroadcastState.Enqueuing, ct);
        var cursor = b.CursorChatId;
        var total = b.Total;
        // One batch is written while the next is rendered (the database and the CPU work side by side).
        var writing = Task.CompletedTask;
        while (true)
        {
            var batch = await store.SubscribersAsync(b.Topic, cursor, BatchSize, ct);
            if (batch.Count == 0)
            {
                break;
            }
            var seen = b.Rotate is null ? null : await tipHistory.SeenBetweenAsync(cursor, batch[^1].ChatId, ct);
            var (messages, tips) = Build(b, batch, seen);
            cursor = batch[^1].ChatId;
            total += messages.Count;
            await writing;
            writing = WriteBatchAsync(b.Id, messages, tips, cursor, total, ct);
        }
        await writing;
        await store.SetStateAsync(b.Id, BroadcastState.Enqueued, ct);
        LogEnqueued(b.Id, b.RunKey, total);
    }

    /// <summary>The batch, the tips it gives and the resume point commit together.</summary>
    private Task WriteBatchAsync(long id, List<OutgoingMessage> messages, List<TipGiven> tips, long cursor, int total, CancellationToken ct) =>
        database.InTransactionAsync(async token =>
        {
            await outbox.EnqueueManyAsync(messages, token);
            await tipHistory.RecordAsync(tips, token);
            await store.SetCursorAsync(id, cursor, total, token);
        }, ct);

    private (List<OutgoingMessage> Messages, List<TipGiven> Tips) Build(Broadcast b, IReadOnlyList<ChatRecord> batch, ILookup<long, string>? seen)
    {
        var now = clock.GetUtcNow();
        var isAlert = b.Kind == BroadcastKind.Alert;
        var messages = new List<OutgoingMessage>(batch.Count);
        var tips = new List<TipGiven>();
        // Without tip rotation, a template that reads nothing of its reader but the language and zone is rendered once
        // per (language, zone) of the batch, not once per subscriber.
        var shared = new Dictionary<(string Language, string Zone), string>();
        var sameForAll = new Dictionary<string, bool>();
        foreach (var chat in batch)
        {
            var to = recipients.For(chat.ChatId, chat);
            string html;
            if (seen is not null)
            {
                var (tip, number, startsOver) = models.NextTip(seen[chat.ChatId]);
                tips.Add(new TipGiven(chat.ChatId, tip.Id, startsOver));
                html = renderer.Render(b.Template, to, models.Tip(tip, number, to.Language));
            }
            else if (sameForAll.TryGetValue(to.Language, out var same) ? same : sameForAll[to.Language] = renderer.SameForEveryReader(b.Template, to.Language))
            {
                var key = (to.Language, to.TimeZone.Id);
                if (!shared.TryGetValue(key, out html!))
                {
                    html = shared[key] = renderer.Render(b.Template, to, models.For(b, to.Language));
                }
            }
            else
            {
                html = renderer.Render(b.Template, to, models.For(b, to.Language));
            }
            messages.Add(new OutgoingMessage($"bc:{b.Id}:{chat.ChatId}", chat.ChatId, html,
                isAlert ? MessagePriority.Alert : MessagePriority.Tip, b.Template,
                NotBefore: isAlert ? null : QuietHours.DeferUntil(chat.QuietStart, chat.QuietEnd, to.TimeZone, now),
                BroadcastId: b.Id, Paid: paid.Enabled));
        }
        return (messages, tips);
    }

    [LoggerMessage(LogLevel.Information, "Broadcast {Id} ({RunKey}) queued for {Total} subscribers")]
    private partial void LogEnqueued(long id, string runKey, int total);
}
