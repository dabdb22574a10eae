using Bot.Worker.Chats;
using Bot.Worker.Storage;
using Dapper;

namespace Bot.Worker.Awareness;

/// <summary>Broadcasts, their audiences read in batches, and their progress in the outbox.</summary>
internal sealed class BroadcastStore(IDatabase database, TimeProvider clock)
{
    private const string Columns = """
        id, run_key AS RunKey, kind, campaign_id AS CampaignId, topic, template, rotate, state, proposed_by AS ProposedBy,
        decided_by AS DecidedBy, cursor_chat_id AS CursorChatId, total, created_at AS CreatedAt, enqueued_at AS EnqueuedAt
        """;

    /// <summary>Creates the broadcast unless its run key exists (a campaign slot or an update seen twice); returns its id.</summary>
    public async Task<(long Id, bool Created)> CreateAsync(Broadcast b, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            INSERT INTO broadcasts (run_key, kind, campaign_id, topic, template, rotate, state, proposed_by, created_at)
            VALUES (@RunKey, @Kind, @CampaignId, @Topic, @Template, @Rotate, @State, @ProposedBy, @now)
            ON CONFLICT (run_key) DO NOTHING RETURNING id
            """, new { b.RunKey, b.Kind, b.CampaignId, b.Topic, b.Template, b.Rotate, b.State, b.ProposedBy, now = clock.NowMs() }, cancellationToken: ct));
        return id is { } created
            ? (created, true)
            : (await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT id FROM broadcasts WHERE run_key = @RunKey", new { b.RunKey }, cancellationToken: ct)), false);
    }

    public Task<Broadcast?> FindAsync(long id, CancellationToken ct) => SingleAsync("WHERE id = @id", new { id }, ct);

    public Task<Broadcast?> LatestAsync(CancellationToken ct) => SingleAsync("ORDER BY id DESC LIMIT 1", new { }, ct);

    public async Task<IReadOnlyList<Broadcast>> ResumableAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<Broadcast>(new CommandDefinition(
            $"SELECT {Columns} FROM broadcasts WHERE state IN ('approved', 'enqueuing') ORDER BY id", cancellationToken: ct))).AsList();
    }

    /// <summary>Moves a pending alert to approved or rejected; false if it was not pending any more.</summary>
    public async Task<bool> DecideAsync(long id, bool approve, long by, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE broadcasts SET state = @state, decided_by = @by, decided_at = @now WHERE id = @id AND state = 'pending_approval'",
            new { id, state = approve ? BroadcastState.Approved : BroadcastState.Rejected, by, now = clock.NowMs() }, cancellationToken: ct)) == 1;
    }

    public async Task SetStateAsync(long id, string state, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE broadcasts SET state = @state, enqueued_at = CASE WHEN @state = 'enqueued' THEN @now ELSE enqueued_at END WHERE id = @id",
            new { id, state, now = clock.NowMs() }, cancellationToken: ct));
    }

    /// <summary>The next batch of active subscribers of the topic after <paramref name="afterChatId"/>, by chat id.</summary>
    public async Task<IReadOnlyList<ChatRecord>> SubscribersAsync(string topic, long afterChatId, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<ChatRecord>(new CommandDefinition("""
            SELECT s.chat_id AS ChatId, c.user_id AS UserId, c.first_name AS FirstName, c.username, c.language,
                   c.quiet_start AS QuietStart, c.quiet_end AS QuietEnd, c.quiet_zone AS QuietZone
            FROM subscriptions s JOIN chats c ON c.chat_id = s.chat_id
            WHERE s.topic = @topic AND s.chat_id > @afterChatId AND c.status = 'active'
            ORDER BY s.chat_id LIMIT @limit
            """, new { topic, afterChatId, limit }, cancellationToken: ct))).AsList();
    }

    public async Task<int> AudienceAsync(string topic, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM subscriptions s JOIN chats c ON c.chat_id = s.chat_id WHERE s.topic = @topic AND c.status = 'active'",
            new { topic }, cancellationToken: ct));
    }

    /// <summary>The tips each chat in (<paramref name="after"/>, <paramref name="through"/>] has had.</summary>
    public async Task<ILookup<long, string>> TipHistoryAsync(long after, long through, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long ChatId, string TipId)>(new CommandDefinition(
            "SELECT chat_id, tip_id FROM tip_history WHERE chat_id > @after AND chat_id <= @through", new { after, through }, cancellationToken: ct));
        return rows.ToLookup(r => r.ChatId, r => r.TipId);
    }

    /// <summary>How the broadcast's messages stand: state -> count.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ProgressAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string State, int Count)>(new CommandDefinition(
            "SELECT state, COUNT(*) FROM outbox WHERE broadcast_id = @id GROUP BY state", new { id }, cancellationToken: ct));
        return rows.ToDictionary(r => r.State, r => r.Count);
    }

    public async Task<int> SentSinceAsync(long id, DateTimeOffset since, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM outbox WHERE broadcast_id = @id AND state = 'sent' AND sent_at >= @since", new { id, since = since.ToMs() }, cancellationToken: ct));
    }

    private async Task<Broadcast?> SingleAsync(string tail, object args, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Broadcast>(new CommandDefinition($"SELECT {Columns} FROM broadcasts {tail}", args, cancellationToken: ct));
    }
}
