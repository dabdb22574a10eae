using Bot.Worker.Storage;
using Dapper;

namespace Bot.Worker.Delivery;

/// <summary>The dispatcher's reads and result writes on the outbox.</summary>
internal sealed class OutboxQueue(IDatabase database, SentRecorder sent, TimeProvider clock)
{
    public const int PriorityCount = 4;

    public async Task<List<OutboxRow>> FetchPendingAsync(int priority, long afterId, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<OutboxRow>(new CommandDefinition("""
            SELECT id, idem_key AS IdemKey, chat_id AS ChatId, priority, text, buttons, attempts, expires_at AS ExpiresAt, plain_text AS PlainText
            FROM outbox WHERE state = 'pending' AND priority = @priority AND id > @afterId
            ORDER BY id LIMIT @limit
            """, new { priority, afterId, limit }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Makes deferred rows whose time has come pending; returns the next deferred time, if any.</summary>
    public async Task<DateTimeOffset?> PromoteDueAsync(CancellationToken ct)
    {
        var now = clock.NowMs();
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET state = 'pending', updated_at = @now WHERE state = 'deferred' AND not_before <= @now",
            new { now }, cancellationToken: ct));
        var next = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MIN(not_before) FROM outbox WHERE state = 'deferred'", cancellationToken: ct));
        return next is { } ms ? UnixTime.FromMs(ms) : null;
    }

    /// <summary>Completes once the row is durably sent (written in a batch with other results).</summary>
    public Task MarkSentAsync(long id, int messageId, CancellationToken ct) => sent.RecordAsync(id, messageId).WaitAsync(ct);

    public Task MarkDeferredAsync(long id, DateTimeOffset notBefore, bool countsAsAttempt, string error, CancellationToken ct) => database.ExecuteAsync(
        "UPDATE outbox SET state = 'deferred', attempts = attempts + @inc, not_before = @notBefore, last_error = @error, updated_at = @now WHERE id = @id",
        new { id, inc = countsAsAttempt ? 1 : 0, notBefore = notBefore.ToMs(), error, now = clock.NowMs() }, ct);

    public Task MarkFinalAsync(long id, string state, string? error, CancellationToken ct) => database.ExecuteAsync(
        "UPDATE outbox SET state = @state, attempts = attempts + 1, last_error = @error, updated_at = @now WHERE id = @id",
        new { id, state, error, now = clock.NowMs() }, ct);

    public Task MarkExpiredAsync(long id, CancellationToken ct) => database.ExecuteAsync(
        "UPDATE outbox SET state = 'expired', last_error = 'expired before it could be sent', updated_at = @now WHERE id = @id",
        new { id, now = clock.NowMs() }, ct);

    public Task SwitchToPlainTextAsync(long id, string error, CancellationToken ct) => database.ExecuteAsync(
        "UPDATE outbox SET plain_text = 1, last_error = @error, updated_at = @now WHERE id = @id",
        new { id, error, now = clock.NowMs() }, ct);

    /// <summary>Stops every queued row of a chat Telegram refuses; returns how many.</summary>
    public Task<int> BlockChatAsync(long chatId, string error, CancellationToken ct) => database.ExecuteAsync(
        "UPDATE outbox SET state = 'blocked', last_error = @error, updated_at = @now WHERE chat_id = @chatId AND state IN ('pending', 'deferred')",
        new { chatId, error, now = clock.NowMs() }, ct);
}
