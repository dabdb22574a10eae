using Bot.Worker.Chats;
using Bot.Worker.Storage;

namespace Bot.Worker.Awareness;

/// <summary>Broadcasts, their audiences read in batches, and their progress in the outbox.</summary>
internal sealed class BroadcastStore(IDatabase database, TimeProvider clock)
{
    private const string Columns = """
        id, run_key AS RunKey, kind, campaign_id AS CampaignId, topic, template, text, rotate, state, proposed_by AS ProposedBy,
        decided_by AS DecidedBy, cursor_chat_id AS CursorChatId, total, created_at AS CreatedAt, enqueued_at AS EnqueuedAt
        """;

    /// <summary>Creates the broadcast unless its run key exists (a campaign slot or an update seen twice); returns its id.</summary>
    public async Task<(long Id, bool Created)> CreateAsync(Broadcast b, CancellationToken ct)
    {
        var id = await database.ScalarAsync<long?>("""
            INSERT INTO broadcasts (run_key, kind, campaign_id, topic, template, text, rotate, state, proposed_by, created_at)
            VALUES (@RunKey, @Kind, @CampaignId, @Topic, @Template, @Text, @Rotate, @State, @ProposedBy, @now)
            ON CONFLICT (run_key) DO NOTHING RETURNING id
            """, new { b.RunKey, b.Kind, b.CampaignId, b.Topic, b.Template, b.Text, b.Rotate, b.State, b.ProposedBy, now = clock.NowMs() }, ct);
        return id is { } created
            ? (created, true)
            : (await database.ScalarAsync<long>("SELECT id FROM broadcasts WHERE run_key = @RunKey", new { b.RunKey }, ct), false);
    }

    public Task<Broadcast?> FindAsync(long id, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<Broadcast>($"SELECT {Columns} FROM broadcasts WHERE id = @id", new { id }, ct);

    public Task<Broadcast?> LatestAsync(CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<Broadcast>($"SELECT {Columns} FROM broadcasts ORDER BY id DESC LIMIT 1", null, ct);

    /// <summary>The newest alerts (proposed by admins, in any state), newest first.</summary>
    public Task<IReadOnlyList<Broadcast>> LatestAlertsAsync(int limit, CancellationToken ct) => database.QueryAsync<Broadcast>(
        $"SELECT {Columns} FROM broadcasts WHERE kind = 'alert' ORDER BY id DESC LIMIT @limit", new { limit }, ct);

    public Task<IReadOnlyList<Broadcast>> ResumableAsync(CancellationToken ct) =>
        database.QueryAsync<Broadcast>($"SELECT {Columns} FROM broadcasts WHERE state IN ('approved', 'enqueuing') ORDER BY id", null, ct);

    /// <summary>Moves a pending alert to approved or rejected; false if it was not pending any more.</summary>
    public async Task<bool> DecideAsync(long id, bool approve, long by, CancellationToken ct) =>
        await database.ExecuteAsync(
            "UPDATE broadcasts SET state = @state, decided_by = @by, decided_at = @now WHERE id = @id AND state = 'pending_approval'",
            new { id, state = approve ? BroadcastState.Approved : BroadcastState.Rejected, by, now = clock.NowMs() }, ct) == 1;

    /// <summary>Moves a pending alert to withdrawn if <paramref name="by"/> proposed it; false otherwise.</summary>
    public async Task<bool> WithdrawAsync(long id, long by, CancellationToken ct) =>
        await database.ExecuteAsync(
            "UPDATE broadcasts SET state = 'withdrawn', decided_by = @by, decided_at = @now WHERE id = @id AND state = 'pending_approval' AND proposed_by = @by",
            new { id, by, now = clock.NowMs() }, ct) == 1;

    public Task SetStateAsync(long id, string state, CancellationToken ct) => database.ExecuteAsync(
        "UPDATE broadcasts SET state = @state, enqueued_at = CASE WHEN @state = 'enqueued' THEN @now ELSE enqueued_at END WHERE id = @id",
        new { id, state, now = clock.NowMs() }, ct);

    /// <summary>Where a crashed enqueue resumes: the last chat enqueued and how many so far.</summary>
    public Task SetCursorAsync(long id, long cursorChatId, int total, CancellationToken ct) => database.ExecuteAsync(
        "UPDATE broadcasts SET cursor_chat_id = @cursorChatId, total = @total WHERE id = @id", new { id, cursorChatId, total }, ct);

    /// <summary>The next batch of active subscribers of the topic after <paramref name="afterChatId"/>, by chat id.</summary>
    // c.chat_id > @afterChatId says again what the join implies: without it PostgreSQL's merge join walks the chats'
    // key from the first chat to the cursor on every page (a million-subscriber enqueue read half a billion index entries).
    public Task<IReadOnlyList<ChatRecord>> SubscribersAsync(string topic, long afterChatId, int limit, CancellationToken ct) => database.QueryAsync<ChatRecord>("""
        SELECT s.chat_id AS ChatId, c.user_id AS UserId, c.first_name AS FirstName, c.username, c.language,
               c.quiet_start AS QuietStart, c.quiet_end AS QuietEnd, c.quiet_zone AS QuietZone
        FROM subscriptions s JOIN chats c ON c.chat_id = s.chat_id
        WHERE s.topic = @topic AND s.chat_id > @afterChatId AND c.chat_id > @afterChatId AND c.status = 'active'
        ORDER BY s.chat_id LIMIT @limit
        """, new { topic, afterChatId, limit }, ct);

    public async Task<int> AudienceAsync(string topic, CancellationToken ct) => (int)await database.ScalarAsync<long>(
        "SELECT COUNT(*) FROM subscriptions s JOIN chats c ON c.chat_id = s.chat_id WHERE s.topic = @topic AND c.status = 'active'",
        new { topic }, ct);

    /// <summary>How the broadcast's messages stand: state -> (count, how many of them are paid broadcasts).</summary>
    public async Task<IReadOnlyDictionary<string, (int Count, int Paid)>> ProgressAsync(long id, CancellationToken ct) =>
        (await database.QueryAsync<(string State, long Count, long Paid)>(
            "SELECT state, COUNT(*), COALESCE(SUM(paid), 0) FROM outbox WHERE broadcast_id = @id GROUP BY state", new { id }, ct))
        .ToDictionary(r => r.State, r => ((int)r.Count, (int)r.Paid));

    public async Task<int> SentSinceAsync(long id, DateTimeOffset since, CancellationToken ct) => (int)await database.ScalarAsync<long>(
        "SELECT COUNT(*) FROM outbox WHERE broadcast_id = @id AND state = 'sent' AND sent_at >= @since", new { id, since = since.ToMs() }, ct);
}
