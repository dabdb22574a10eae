using Bot.Worker.Retention;
using Bot.Worker.Storage;

namespace Bot.Worker.Telegram.Webhook;

/// <summary>
/// The <c>webhook_inbox</c> table: updates Telegram posted, keyed by update_id, so each is handled once
/// however often and to whichever node it is posted. The leader claims unhandled rows (saying so in the
/// row) and marks each handled; a row claimed by a leader that died unhandled is claimed again.
/// </summary>
internal sealed class WebhookInboxStore(IDatabase database, TimeProvider clock) : IExpiringRows
{
    /// <summary>Stores the update unless its update_id is already there; returns whether it was new.</summary>
    public async Task<bool> AddAsync(long updateId, string payload, CancellationToken ct) =>
        await database.ExecuteAsync("""
            INSERT INTO webhook_inbox (update_id, payload, received_at) VALUES (@updateId, @payload, @now)
            ON CONFLICT (update_id) DO NOTHING
            """, new { updateId, payload, now = clock.NowMs() }, ct) > 0;

    /// <summary>Claims up to <paramref name="limit"/> unhandled updates for <paramref name="node"/>, oldest first.</summary>
    public async Task<IReadOnlyList<InboxUpdate>> ClaimUnhandledAsync(string node, int limit, CancellationToken ct)
    {
        var rows = await database.QueryAsync<InboxUpdate>("""
            UPDATE webhook_inbox SET claimed_by = @node, claimed_at = @now
            WHERE update_id IN (SELECT update_id FROM webhook_inbox WHERE handled_at IS NULL ORDER BY update_id LIMIT @limit)
            RETURNING update_id AS UpdateId, payload AS Payload
            """, new { node, limit, now = clock.NowMs() }, ct);
        return [.. rows.OrderBy(r => r.UpdateId)];
    }

    /// <summary>Marks the update handled and drops its payload: the row only remembers the update_id now.</summary>
    public Task<int> MarkHandledAsync(long updateId, CancellationToken ct) => database.ExecuteAsync(
        "UPDATE webhook_inbox SET handled_at = @now, payload = NULL WHERE update_id = @updateId",
        new { updateId, now = clock.NowMs() }, ct);

    /// <summary>How long a handled update's id is kept to recognise a repeated post of it (Telegram keeps updates 24 h).</summary>
    public TimeSpan KeptFor { get; } = TimeSpan.FromDays(7);

    /// <summary>Retention: deletes up to <paramref name="limit"/> rows handled before <paramref name="handledBefore"/>; returns how many.</summary>
    public Task<int> DeleteBeforeAsync(DateTimeOffset handledBefore, int limit, CancellationToken ct) => database.ExecuteAsync("""
        DELETE FROM webhook_inbox WHERE update_id IN (
            SELECT update_id FROM webhook_inbox WHERE handled_at < @before LIMIT @limit)
        """, new { before = handledBefore.ToMs(), limit }, ct);
}
