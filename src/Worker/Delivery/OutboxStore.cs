using System.Globalization;
using Bot.Worker.Cluster;
using Bot.Worker.Storage;

namespace Bot.Worker.Delivery;

/// <summary>
/// Writes messages into the outbox and, once they are committed, wakes the dispatcher: in this process,
/// or, on a node that does not lead, the leader's (a cluster signal).
/// </summary>
internal sealed class OutboxStore(IDatabase database, TimeProvider clock, DispatchSignal signal, ILeadership leadership, IClusterSignals cluster) : IOutbox
{
    private const string InsertSql = """
        INSERT INTO outbox (idem_key, chat_id, priority, kind, text, buttons, state, not_before, expires_at, broadcast_id, sensitive, paid, created_at, updated_at,
                            channel, address, digest_title, digest_line, fallback_of)
        VALUES (@Key, @ChatId, @Priority, @Kind, @Text, @Buttons, @State, @NotBefore, @ExpiresAt, @BroadcastId, @Sensitive, @Paid, @Now, @Now,
                @Channel, @Address, @DigestTitle, @DigestLine, @FallbackOf)
        ON CONFLICT (idem_key) DO NOTHING
        """;

    public async Task<bool> EnqueueAsync(OutgoingMessage message, CancellationToken cancellationToken) =>
        await EnqueueManyAsync([message], cancellationToken) > 0;

    /// <summary>Adds the messages in one transaction (the caller's, inside a unit of work); returns how many were new.</summary>
    public async Task<int> EnqueueManyAsync(IReadOnlyCollection<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return 0;
        }
        var now = clock.NowMs();
        // A broadcast's rows often share one text (rendered once per language): split it once.
        var parts = new Dictionary<string, IReadOnlyList<string>>(ReferenceEqualityComparer.Instance);
        var rows = messages.SelectMany(m => ToRows(m, now, parts)).ToList();
        var inserted = await database.ExecuteAsync(InsertSql, rows, cancellationToken);
        if (inserted > 0)
        {
            var priority = messages.Min(m => m.Priority);
            var deferred = messages.Any(m => m.NotBefore?.ToMs() > now);
            await database.AfterCommitAsync(() =>
            {
                if (deferred)
                {
                    signal.DeferredAdded();
                }
                signal.Notify(priority);
                return leadership.IsLeader ? Task.CompletedTask
                    : cluster.PublishAsync(ClusterChange.Outbox, ((int)priority).ToString(CultureInfo.InvariantCulture), CancellationToken.None);
            });
        }
        return inserted;
    }

    /// <summary>
    /// Retention: deletes up to <paramref name="limit"/> rows that reached a final state (sent, blocked,
    /// failed, expired), or were held as a fallback that was never needed, before <paramref name="finishedBefore"/>;
    /// returns how many. Queued rows are never touched.
    /// </summary>
    public Task<int> DeleteFinishedBeforeAsync(DateTimeOffset finishedBefore, int limit, CancellationToken ct) => database.ExecuteAsync("""
        DELETE FROM outbox WHERE id IN (
            SELECT id FROM outbox WHERE state IN ('sent', 'blocked', 'failed', 'expired', 'held') AND updated_at < @before LIMIT @limit)
        """, new { before = finishedBefore.ToMs(), limit }, ct);

    /// <summary>Rows waiting to be sent (pending or deferred); both are counted from their partial indexes.</summary>
    public Task<long> CountQueuedAsync(CancellationToken ct) => database.ScalarAsync<long>("""
        SELECT (SELECT COUNT(*) FROM outbox WHERE state = 'pending') + (SELECT COUNT(*) FROM outbox WHERE state = 'deferred')
        """, null, ct);

    /// <summary>
    /// A Telegram message longer than Telegram takes becomes several rows (keys <c>KEY#2</c>, ...); a robot splits at
    /// send time under its own limit, and an email is never split.
    /// </summary>
    private static IEnumerable<object> ToRows(OutgoingMessage message, long now, Dictionary<string, IReadOnlyList<string>> split)
    {
        var route = message.Route;
        IReadOnlyList<string>? parts;
        if (route is not null)
        {
            parts = [message.Html];
        }
        else if (!split.TryGetValue(message.Html, out parts))
        {
            parts = split[message.Html] = MessageSplitter.Split(message.Html);
        }
        var notBefore = message.NotBefore?.ToMs() ?? now;
        var state = message.FallbackOf is not null ? DeliveryState.Held : notBefore > now ? DeliveryState.Deferred : DeliveryState.Pending;
        for (var i = 0; i < parts.Count; i++)
        {
            var last = i == parts.Count - 1;
            yield return new
            {
                Key = i == 0 ? message.Key : $"{message.Key}#{i + 1}",
                ChatId = route?.ChatId ?? message.ChatId,
                Priority = (int)message.Priority,
                message.Kind,
                Text = parts[i],
                Buttons = last ? ButtonsJson.Serialize(message.Buttons) : null,
                State = state,
                NotBefore = Math.Max(notBefore, now),
                ExpiresAt = message.ExpiresAt?.ToMs(),
                message.BroadcastId,
                Sensitive = message.Sensitive ? 1 : 0,
                Paid = message.Paid ? 1 : 0,
                Now = now,
                Channel = route?.Channel ?? DeliveryRoute.Telegram,
                route?.Address,
                DigestTitle = message.Digest?.Title,
                DigestLine = message.Digest?.Line,
                message.FallbackOf,
            };
        }
    }
}
