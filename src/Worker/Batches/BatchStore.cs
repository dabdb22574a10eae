using System.Data;
using Bot.Worker.Storage;
using Dapper;

namespace Bot.Worker.Batches;

/// <summary>Batches, their items and the chats whose next message is an item's reason.</summary>
internal sealed class BatchStore(IDatabase database, TimeProvider clock)
{
    private const string Columns = """
        id, title, team_id AS TeamId, language, time_zone AS TimeZone, act_by AS ActBy, report_by AS ReportBy, created_by AS CreatedBy,
        created_at AS CreatedAt, act_occurrence_id AS ActOccurrenceId, report_occurrence_id AS ReportOccurrenceId
        """;

    private const string ItemColumns = """
        id, batch_id AS BatchId, line, number, kind, reported_region AS ReportedRegion, province, city, mismatch, note, state, reason,
        set_by AS SetBy, set_at AS SetAt
        """;

    public Task<long> CreateAsync(Batch batch, CancellationToken ct) => database.ScalarAsync<long>("""
        INSERT INTO batches (title, team_id, language, time_zone, act_by, report_by, created_by, created_at)
        VALUES (@Title, @TeamId, @Language, @TimeZone, @ActBy, @ReportBy, @CreatedBy, @now) RETURNING id
        """, new { batch.Title, batch.TeamId, batch.Language, batch.TimeZone, batch.ActBy, batch.ReportBy, batch.CreatedBy, now = clock.NowMs() }, ct);

    public Task SetOccurrencesAsync(long id, long act, long report, CancellationToken ct) => database.ExecuteAsync(
        "UPDATE batches SET act_occurrence_id = @act, report_occurrence_id = @report WHERE id = @id", new { id, act, report }, ct);

    /// <summary>Adds the items, every one pending unless the line carries a state (a re-imported export: set by <paramref name="by"/>, now).</summary>
    public Task AddItemsAsync(long batchId, IReadOnlyList<BatchLine> lines, long by, CancellationToken ct)
    {
        var now = clock.NowMs();
        return database.ExecuteAsync("""
            INSERT INTO batch_items (batch_id, line, number, kind, reported_region, province, city, mismatch, note, state, reason, set_by, set_at)
            VALUES (@batchId, @Line, @Number, @Kind, @ReportedRegion, @Province, @City, @Mismatch, @Note, @State, @Reason, @SetBy, @SetAt)
            """, lines.Select(l => new
        {
            batchId, l.Line, l.Number, l.Kind, l.ReportedRegion, l.Province, l.City, Mismatch = l.Mismatch ? 1 : 0, l.Note, l.State, l.Reason,
            SetBy = l.State == BatchItemState.Pending ? (long?)null : by, SetAt = l.State == BatchItemState.Pending ? (long?)null : now,
        }).ToList(), ct);
    }

    public Task<Batch?> FindAsync(long id, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<Batch>($"SELECT {Columns} FROM batches WHERE id = @id", new { id }, ct);

    /// <summary>Every batch, newest first (the console's list).</summary>
    public Task<IReadOnlyList<Batch>> ListAsync(CancellationToken ct) =>
        database.QueryAsync<Batch>($"SELECT {Columns} FROM batches ORDER BY id DESC", null, ct);

    /// <summary>The batches of these teams whose report occurrence is still open, act-by soonest first (/batches).</summary>
    public Task<IReadOnlyList<Batch>> ListOpenOfTeamsAsync(IReadOnlyCollection<string> teams, CancellationToken ct) => database.QueryAsync<Batch>($"""
        SELECT {Columns} FROM batches b
        WHERE {database.InList("b.team_id", "teams")}
          AND EXISTS (SELECT 1 FROM occurrences o WHERE o.id = b.report_occurrence_id AND o.state = 'open')
        ORDER BY act_by, id
        """, new { teams = teams.ToArray() }, ct);

    public async Task<BatchProgress> ProgressAsync(long batchId, CancellationToken ct)
    {
        var counts = await database.QueryAsync<(string State, long Count, long Mismatches)>(
            "SELECT state, COUNT(*), SUM(mismatch) FROM batch_items WHERE batch_id = @batchId GROUP BY state", new { batchId }, ct);
        int Of(string state) => (int)counts.Where(c => c.State == state).Sum(c => c.Count);
        return new BatchProgress((int)counts.Sum(c => c.Count), Of(BatchItemState.Pending), Of(BatchItemState.Suspended), Of(BatchItemState.NotSuspended),
            Of(BatchItemState.Reopened), (int)counts.Sum(c => c.Mismatches));
    }

    /// <summary>
    /// Items in file order from <paramref name="afterId"/> on, in one state or all (<paramref name="state"/> null), only the
    /// attribution mismatches when <paramref name="mismatchOnly"/>; at most <paramref name="limit"/>.
    /// </summary>
    public Task<IReadOnlyList<BatchItem>> ItemsAsync(long batchId, string? state, bool mismatchOnly, long afterId, int limit, CancellationToken ct)
    {
        // Typed parameters: PostgreSQL must know a parameter's type even when it is null.
        var args = new DynamicParameters();
        args.Add("batchId", batchId, DbType.Int64);
        args.Add("state", state, DbType.String);
        args.Add("mismatch", mismatchOnly ? 1 : 0, DbType.Int32);
        args.Add("afterId", afterId, DbType.Int64);
        args.Add("limit", limit, DbType.Int32);
        return database.QueryAsync<BatchItem>($"""
            SELECT {ItemColumns} FROM batch_items
            WHERE batch_id = @batchId AND (@state IS NULL OR state = @state) AND (@mismatch = 0 OR mismatch = 1) AND id > @afterId
            ORDER BY id LIMIT @limit
            """, args, ct);
    }

    public Task<BatchItem?> FindItemAsync(long id, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<BatchItem>($"SELECT {ItemColumns} FROM batch_items WHERE id = @id", new { id }, ct);

    public Task<BatchItem?> FindItemAsync(long batchId, string number, CancellationToken ct) => database.QuerySingleOrDefaultAsync<BatchItem>(
        $"SELECT {ItemColumns} FROM batch_items WHERE batch_id = @batchId AND number = @number", new { batchId, number }, ct);

    /// <summary>Sets an item's state, reason, who and when; returns the item as it was before, or null when there is none.</summary>
    public async Task<BatchItem?> SetStateAsync(long itemId, string state, string reason, long by, CancellationToken ct)
    {
        var before = await database.QuerySingleOrDefaultAsync<BatchItem>(
            $"SELECT {ItemColumns} FROM batch_items WHERE id = @itemId", new { itemId }, ct);
        if (before is not null)
        {
            await database.ExecuteAsync("UPDATE batch_items SET state = @state, reason = @reason, set_by = @by, set_at = @now WHERE id = @itemId",
                new { itemId, state, reason, by, now = clock.NowMs() }, ct);
        }
        return before;
    }

    /// <summary>Another batch's item with this number that is suspended (it keeps the number known when this batch reopens it).</summary>
    public Task<BatchItem?> OtherSuspendedAsync(string number, long exceptBatchId, CancellationToken ct) => database.QuerySingleOrDefaultAsync<BatchItem>($"""
        SELECT {ItemColumns} FROM batch_items WHERE number = @number AND state = 'suspended' AND batch_id <> @exceptBatchId ORDER BY id LIMIT 1
        """, new { number, exceptBatchId }, ct);

    /// <summary>The chat's next message is the reason for setting <paramref name="itemId"/> to <paramref name="state"/> (again: the time moves on).</summary>
    public Task AwaitReasonAsync(long chatId, long userId, long itemId, string state, CancellationToken ct) => database.ExecuteAsync("""
        INSERT INTO batch_prompts (chat_id, user_id, item_id, state, started_at) VALUES (@chatId, @userId, @itemId, @state, @now)
        ON CONFLICT (chat_id) DO UPDATE SET user_id = excluded.user_id, item_id = excluded.item_id, state = excluded.state, started_at = excluded.started_at
        """, new { chatId, userId, itemId, state, now = clock.NowMs() }, ct);

    /// <summary>Removes the chat's reason marker; the item and state it was for, if it was started at or after <paramref name="notBefore"/>.</summary>
    public async Task<(long ItemId, string State)?> TakeReasonPromptAsync(long chatId, DateTimeOffset notBefore, CancellationToken ct)
    {
        var taken = await database.QueryAsync<(long ItemId, string State, long StartedAt)>(
            "DELETE FROM batch_prompts WHERE chat_id = @chatId RETURNING item_id, state, started_at", new { chatId }, ct);
        return taken is [var t] && t.StartedAt >= notBefore.ToMs() ? (t.ItemId, t.State) : null;
    }
}
