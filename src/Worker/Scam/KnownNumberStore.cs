using Bot.Worker.Storage;

namespace Bot.Worker.Scam;

/// <summary>
/// Known numbers kept beside known-numbers.yaml's entries: those admins confirmed from reports and those added
/// in the console (fraud or official). The check reads them each time, so a change counts at once on every node.
/// </summary>
internal sealed class KnownNumberStore(IDatabase database, TimeProvider clock)
{
    /// <summary>The <c>known_numbers.category</c> values (known-numbers.yaml's <c>kind</c>).</summary>
    public const string Fraud = "fraud", Official = "official";

    private const string Columns = """
        id, kind AS Type, value, category, note, added_by AS AddedBy, added_at AS AddedAt, report_id AS ReportId, batch_id AS BatchId
        """;

    /// <summary>Every entry (a short list: one row per confirmed or added number), for the check.</summary>
    public async Task<IReadOnlyList<KnownNumber>> AllAsync(CancellationToken ct) =>
        (await ListAsync(ct)).Select(e => e.ToKnownNumber()).ToList();

    /// <summary>Every entry as stored, oldest first.</summary>
    public Task<IReadOnlyList<KnownNumberEntry>> ListAsync(CancellationToken ct) =>
        database.QueryAsync<KnownNumberEntry>($"SELECT {Columns} FROM known_numbers ORDER BY id", null, ct);

    /// <summary>Adds a confirmed fraud number unless it is there already; true when added.</summary>
    public Task<bool> AddAsync(ScamEntity entity, string note, long addedBy, long? reportId, CancellationToken ct) =>
        AddAsync(entity, Fraud, note, addedBy, reportId, ct);

    /// <summary>Adds a number as <paramref name="category"/> (fraud or official) unless it is there already; true when added.</summary>
    public async Task<bool> AddAsync(ScamEntity entity, string category, string note, long addedBy, long? reportId, CancellationToken ct) =>
        await database.ExecuteAsync("""
            INSERT INTO known_numbers (kind, value, category, note, added_by, added_at, report_id)
            VALUES (@kind, @Value, @category, @note, @addedBy, @now, @reportId)
            ON CONFLICT (kind, value) DO NOTHING
            """, new { kind = entity.Kind.ToString().ToLowerInvariant(), entity.Value, category, note, addedBy, now = clock.NowMs(), reportId }, ct) == 1;

    /// <summary>A batch's suspended number: a fraud entry whose source is the batch (its title the note), unless the number is there already; true when added.</summary>
    public async Task<bool> AddFromBatchAsync(ScamEntity entity, string title, long addedBy, long batchId, CancellationToken ct) =>
        await database.ExecuteAsync("""
            INSERT INTO known_numbers (kind, value, category, note, added_by, added_at, batch_id)
            VALUES (@kind, @Value, 'fraud', @title, @addedBy, @now, @batchId)
            ON CONFLICT (kind, value) DO NOTHING
            """, new { kind = entity.Kind.ToString().ToLowerInvariant(), entity.Value, title, addedBy, now = clock.NowMs(), batchId }, ct) == 1;

    /// <summary>A batch's reopened number: removes the entry that batch added (entries from reports, the console or other batches stay); true when removed.</summary>
    public async Task<bool> RemoveOfBatchAsync(ScamEntity entity, long batchId, CancellationToken ct) => await database.ExecuteAsync(
        "DELETE FROM known_numbers WHERE kind = @kind AND value = @Value AND batch_id = @batchId",
        new { kind = entity.Kind.ToString().ToLowerInvariant(), entity.Value, batchId }, ct) == 1;

    /// <summary>Deletes one entry; the deleted entry, or null when there was none.</summary>
    public Task<KnownNumberEntry?> RemoveAsync(long id, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<KnownNumberEntry>($"DELETE FROM known_numbers WHERE id = @id RETURNING {Columns}", new { id }, ct);

    public async Task<int> CountAsync(CancellationToken ct) =>
        (int)await database.ScalarAsync<long>("SELECT COUNT(*) FROM known_numbers", null, ct);

    /// <summary>/forget of the reporter's chat: the confirmed numbers stay (they are not the reporter's data), without the link to the deleted reports.</summary>
    public Task DetachFromChatReportsAsync(long chatId, CancellationToken ct) => database.ExecuteAsync(
        "UPDATE known_numbers SET report_id = NULL WHERE report_id IN (SELECT id FROM reports WHERE chat_id = @chatId)", new { chatId }, ct);
}
