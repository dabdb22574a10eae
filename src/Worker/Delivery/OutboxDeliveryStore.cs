using Bot.Worker.Cluster;
using Bot.Worker.Storage;

namespace Bot.Worker.Delivery;

/// <summary>
/// The dispatcher's reads and result writes on the outbox. Its claims and writes are fenced: each carries the term of
/// leadership it was made under, and holds only while that is still the lease's term (<c>cluster_lease</c>), so a node
/// that lost the lease (a partition it has not noticed yet) can neither claim nor record anything.
/// </summary>
internal sealed class OutboxDeliveryStore(IDatabase database, ILeadership leadership, TimeProvider clock, DispatchSignal signal)
{
    public const int PriorityCount = 4;

    // The write's term is the lease's current one.
    private const string TermHolds = "@term = (SELECT term FROM cluster_lease WHERE name = 'leader')";

    // The row was claimed under the write's term, and that term still holds.
    private const string ClaimHolds = "claim_term = @term AND " + TermHolds;

    // Every write of a final state blanks a sensitive row's text in the same statement (OutgoingMessage.Sensitive).
    private const string BlankSensitiveText = "text = CASE WHEN sensitive = 1 THEN '' ELSE text END";

    private const string RowColumns = """
        id, idem_key AS IdemKey, chat_id AS ChatId, priority, text, buttons, attempts, expires_at AS ExpiresAt, plain_text AS PlainText,
        paid, channel, address, parts_sent AS PartsSent, digest_title AS DigestTitle, digest_line AS DigestLine
        """;

    /// <summary>
    /// Pending rows of one priority after <paramref name="afterId"/>, oldest first; <paramref name="otherChannelsOnly"/>:
    /// only robots' and emails' rows (while Telegram waits for its pause or its permits).
    /// </summary>
    public Task<IReadOnlyList<OutboxRow>> FetchPendingAsync(int priority, long afterId, int limit, CancellationToken ct, bool otherChannelsOnly = false) =>
        database.QueryAsync<OutboxRow>(otherChannelsOnly
            ? $"SELECT {RowColumns} FROM outbox WHERE state = 'pending' AND channel <> 'telegram' AND priority = @priority AND id > @afterId ORDER BY id LIMIT @limit"
            : $"SELECT {RowColumns} FROM outbox WHERE state = 'pending' AND priority = @priority AND id > @afterId ORDER BY id LIMIT @limit",
            new { priority, afterId, limit }, ct);

    /// <summary>Marks these rows as in flight on this node under <paramref name="term"/>, those still pending, in one statement; returns the ids it claimed.</summary>
    public Task<IReadOnlyList<long>> ClaimAsync(IReadOnlyCollection<long> ids, long term, CancellationToken ct) => database.QueryAsync<long>(
        $"""
        UPDATE outbox SET state = 'sending', claimed_by = @node, claimed_at = @now, claim_term = @term, updated_at = @now
        WHERE {database.InList("id", "ids")} AND {database.Unindexed("state")} = 'pending' AND {TermHolds} RETURNING id
        """,
        new { ids = ids.ToArray(), node = leadership.NodeId, term, now = clock.NowMs() }, ct);

    /// <summary>
    /// At the start of <paramref name="term"/>: puts rows an earlier term left in flight (a crash, a lost lease) back to
    /// pending, except <paramref name="stillInFlight"/> (this process's own sends that have not finished); returns the
    /// rows released and who had claimed them.
    /// </summary>
    public async Task<IReadOnlyList<(long Id, string? ClaimedBy)>> ReleaseLeftInFlightAsync(IReadOnlyCollection<long> stillInFlight, long term, CancellationToken ct)
    {
        var claimed = (await database.QueryAsync<(long Id, string? ClaimedBy)>(
            "SELECT id, claimed_by FROM outbox WHERE state = 'sending' AND (claim_term IS NULL OR claim_term < @term)", new { term }, ct))
            .Where(r => !stillInFlight.Contains(r.Id)).ToList();
        if (claimed.Count > 0)
        {
            var now = clock.NowMs();
            await database.ExecuteAsync($"UPDATE outbox SET state = 'pending', updated_at = @now WHERE id = @Id AND state = 'sending' AND {TermHolds}",
                claimed.Select(r => new { r.Id, now, term }).ToList(), ct);
        }
        return claimed;
    }

    /// <summary>Puts rows claimed under <paramref name="term"/> back to pending (not started, or their attempt could not be recorded), in one statement.</summary>
    public Task ReleaseClaimsAsync(IReadOnlyCollection<long> ids, long term, CancellationToken ct) => database.ExecuteAsync(
        $"UPDATE outbox SET state = 'pending', updated_at = @now WHERE {database.InList("id", "ids")} AND {database.Unindexed("state")} = 'sending' AND {ClaimHolds}",
        new { ids = ids.ToArray(), term, now = clock.NowMs() }, ct);

    /// <summary>Makes deferred rows whose time has come pending; returns the next deferred time, if any.</summary>
    public async Task<DateTimeOffset?> PromoteDueAsync(CancellationToken ct)
    {
        var now = clock.NowMs();
        await database.ExecuteAsync("UPDATE outbox SET state = 'pending', updated_at = @now WHERE state = 'deferred' AND not_before <= @now", new { now }, ct);
        var next = await database.ScalarAsync<long?>("SELECT MIN(not_before) FROM outbox WHERE state = 'deferred'", null, ct);
        return next is { } ms ? UnixTime.FromMs(ms) : null;
    }

    /// <summary>Records a batch of successful sends in one statement per row, one transaction; returns how many were recorded (a row whose term is over is not).</summary>
    public Task<int> MarkSentBatchAsync(IReadOnlyCollection<(long Id, int MessageId, long Term)> rows, CancellationToken ct)
    {
        var now = clock.NowMs();
        return database.ExecuteAsync(
            $"UPDATE outbox SET state = 'sent', {BlankSensitiveText}, attempts = attempts + 1, message_id = @MessageId, sent_at = @now, updated_at = @now, last_error = NULL WHERE id = @Id AND {ClaimHolds}",
            rows.Select(r => new { r.Id, r.MessageId, term = r.Term, now }).ToList(), ct);
    }

    /// <summary>Back to waiting until <paramref name="notBefore"/>; a robot message split in parts keeps how many went (<paramref name="partsSent"/>, never fewer).</summary>
    public async Task MarkDeferredAsync(long id, long term, DateTimeOffset notBefore, bool countsAsAttempt, string error, CancellationToken ct, int partsSent = 0)
    {
        await database.ExecuteAsync(
            $"UPDATE outbox SET state = 'deferred', attempts = attempts + @inc, not_before = @notBefore, last_error = @error, parts_sent = CASE WHEN parts_sent > @partsSent THEN parts_sent ELSE @partsSent END, updated_at = @now WHERE id = @id AND {ClaimHolds}",
            new { id, term, inc = countsAsAttempt ? 1 : 0, notBefore = notBefore.ToMs(), error, partsSent, now = clock.NowMs() }, ct);
        await database.AfterCommitAsync(() =>
        {
            signal.DeferredAdded();
            return Task.CompletedTask;
        });
    }

    public Task MarkFinalAsync(long id, long term, string state, string? error, CancellationToken ct) => database.ExecuteAsync(
        $"UPDATE outbox SET state = @state, {BlankSensitiveText}, attempts = attempts + 1, last_error = @error, updated_at = @now WHERE id = @id AND {ClaimHolds}",
        new { id, term, state, error, now = clock.NowMs() }, ct);

    /// <summary>A pending row past its expiry, found by the dispatcher of <paramref name="term"/>.</summary>
    public Task MarkExpiredAsync(long id, long term, CancellationToken ct) => database.ExecuteAsync(
        $"UPDATE outbox SET state = 'expired', {BlankSensitiveText}, last_error = 'expired before it could be sent', updated_at = @now WHERE id = @id AND state = 'pending' AND {TermHolds}",
        new { id, term, now = clock.NowMs() }, ct);

    public Task SwitchToPlainTextAsync(long id, long term, string error, CancellationToken ct) => database.ExecuteAsync(
        $"UPDATE outbox SET state = 'pending', plain_text = 1, last_error = @error, updated_at = @now WHERE id = @id AND {ClaimHolds}",
        new { id, term, error, now = clock.NowMs() }, ct);

    /// <summary>
    /// After a chat was blocked: the fallback emails held for the rows blocked since <paramref name="since"/> (the refused
    /// row and the queued ones the block stopped) become pending, under <paramref name="term"/>; returns them with the
    /// keys they stand in for. Rows blocked before (an earlier block) keep theirs: those messages are old news.
    /// </summary>
    public async Task<IReadOnlyList<ReleasedFallback>> ReleaseFallbacksAsync(long chatId, DateTimeOffset since, long term, CancellationToken ct)
    {
        var held = await database.QueryAsync<ReleasedFallback>("""
            SELECT f.idem_key AS Key, f.fallback_of AS FallbackOf, f.chat_id AS ChatId, f.address AS Address FROM outbox f JOIN outbox t ON t.idem_key = f.fallback_of
            WHERE t.chat_id = @chatId AND t.state = 'blocked' AND t.updated_at >= @since AND f.state = 'held'
            ORDER BY f.id
            """, new { chatId, since = since.ToMs() }, ct);
        if (held.Count > 0)
        {
            await database.ExecuteAsync(
                $"UPDATE outbox SET state = 'pending', updated_at = @now WHERE idem_key = @Key AND state = 'held' AND {TermHolds}",
                held.Select(h => new { h.Key, term, now = clock.NowMs() }).ToList(), ct);
            await database.AfterCommitAsync(() =>
            {
                signal.Notify(MessagePriority.Reminder);
                return Task.CompletedTask;
            });
        }
        return held;
    }

    /// <summary>Stops every queued row of a chat Telegram refuses; returns how many.</summary>
    public Task<int> BlockChatAsync(long chatId, string error, CancellationToken ct) => database.ExecuteAsync(
        $"UPDATE outbox SET state = 'blocked', {BlankSensitiveText}, last_error = @error, updated_at = @now WHERE chat_id = @chatId AND state IN ('pending', 'deferred', 'sending')",
        new { chatId, error, now = clock.NowMs() }, ct);

    /// <summary>/forget: queued tips, alerts and reminders are dropped (replies still go out), and the ledger keeps that messages were sent, not what they said.</summary>
    public async Task ForgetChatAsync(long chatId, CancellationToken ct)
    {
        var now = clock.NowMs();
        await database.ExecuteAsync(
            $"UPDATE outbox SET state = 'expired', {BlankSensitiveText}, updated_at = @now WHERE chat_id = @chatId AND state IN ('pending', 'deferred') AND priority > 0", new { chatId, now }, ct);
        await database.ExecuteAsync(
            "UPDATE outbox SET text = '', buttons = NULL, updated_at = @now WHERE chat_id = @chatId AND state NOT IN ('pending', 'deferred', 'sending')", new { chatId, now }, ct);
    }

    /// <summary>Outbox rows by state created since <paramref name="since"/>.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountByStateSinceAsync(DateTimeOffset since, CancellationToken ct) =>
        (await database.QueryAsync<(string State, long Count)>(
            "SELECT state, COUNT(*) FROM outbox WHERE created_at >= @since GROUP BY state", new { since = since.ToMs() }, ct))
        .ToDictionary(r => r.State, r => (int)r.Count);

    /// <summary>Outbox rows by channel and state created since <paramref name="since"/>.</summary>
    public async Task<IReadOnlyDictionary<(string Channel, string State), int>> CountByChannelAndStateSinceAsync(DateTimeOffset since, CancellationToken ct) =>
        (await database.QueryAsync<(string Channel, string State, long Count)>(
            "SELECT channel, state, COUNT(*) FROM outbox WHERE created_at >= @since GROUP BY channel, state", new { since = since.ToMs() }, ct))
        .ToDictionary(r => (r.Channel, r.State), r => (int)r.Count);

    /// <summary>
    /// For the console's Channels page, per address of <paramref name="channel"/> (a robot's name; the email rows all
    /// together, under null): the last sent row's time, the last error recorded and when, and how many rows wait.
    /// </summary>
    public async Task<IReadOnlyList<RouteActivity>> RouteActivityAsync(string channel, CancellationToken ct)
    {
        var perAddress = channel == DeliveryRoute.Robot;
        var rows = await database.QueryAsync<(string? Address, long? LastSent, long Queued)>(perAddress
            ? "SELECT address, MAX(sent_at), COALESCE(SUM(CASE WHEN state IN ('pending', 'sending', 'deferred') THEN 1 ELSE 0 END), 0) FROM outbox WHERE channel = @channel GROUP BY address"
            : "SELECT NULL, MAX(sent_at), COALESCE(SUM(CASE WHEN state IN ('pending', 'sending', 'deferred') THEN 1 ELSE 0 END), 0) FROM outbox WHERE channel = @channel",
            new { channel }, ct);
        var result = new List<RouteActivity>();
        foreach (var (address, lastSent, queued) in rows.Where(r => r.LastSent is not null || r.Queued > 0 || !perAddress))
        {
            var errors = await database.QueryAsync<(string Error, long At)>(perAddress
                ? "SELECT last_error, updated_at FROM outbox WHERE channel = @channel AND address = @address AND last_error IS NOT NULL ORDER BY updated_at DESC LIMIT 1"
                : "SELECT last_error, updated_at FROM outbox WHERE channel = @channel AND last_error IS NOT NULL ORDER BY updated_at DESC LIMIT 1",
                new { channel, address }, ct);
            var error = errors.Count > 0 ? errors[0] : default;
            result.Add(new RouteActivity(address, lastSent is { } s ? UnixTime.FromMs(s) : null, error.Error, error.Error is null ? null : UnixTime.FromMs(error.At), (int)queued));
        }
        return result;
    }

    /// <summary>Rows still to send (pending, sending, deferred) by priority and state.</summary>
    public async Task<IReadOnlyDictionary<(int Priority, string State), int>> CountQueuedByPriorityAsync(CancellationToken ct) =>
        (await database.QueryAsync<(long Priority, string State, long Count)>(
            "SELECT priority, state, COUNT(*) FROM outbox WHERE state IN ('pending', 'sending', 'deferred') GROUP BY priority, state", null, ct))
        .ToDictionary(r => ((int)r.Priority, r.State), r => (int)r.Count);
}
