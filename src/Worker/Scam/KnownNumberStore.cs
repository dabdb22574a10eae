using Bot.Worker.Storage;

namespace Bot.Worker.Scam;

/// <summary>Numbers and accounts admins confirmed as fraud from reports, kept beside known-numbers.yaml's entries.</summary>
internal sealed class KnownNumberStore(IDatabase database, TimeProvider clock)
{
    /// <summary>Every confirmed entry (a short list: one row per confirmed number), as fraud entries for the check.</summary>
    public async Task<IReadOnlyList<KnownNumber>> AllAsync(CancellationToken ct) =>
        (await database.QueryAsync<(string Kind, string Value, string Note, long AddedAt)>(
            "SELECT kind, value, note, added_at FROM known_numbers ORDER BY id", null, ct))
        .Select(r => new KnownNumber(Enum.Parse<EntityKind>(r.Kind, ignoreCase: true), r.Value, KnownNumberKind.Fraud, r.Note,
            DateOnly.FromDateTime(UnixTime.FromMs(r.AddedAt).UtcDateTime)))
        .ToList();

    /// <summary>Adds a confirmed number unless it is there already; true when added.</summary>
    public async Task<bool> AddAsync(ScamEntity entity, string note, long addedBy, long? reportId, CancellationToken ct) =>
        await database.ExecuteAsync("""
            INSERT INTO known_numbers (kind, value, note, added_by, added_at, report_id)
            VALUES (@kind, @Value, @note, @addedBy, @now, @reportId)
            ON CONFLICT (kind, value) DO NOTHING
            """, new { kind = entity.Kind.ToString().ToLowerInvariant(), entity.Value, note, addedBy, now = clock.NowMs(), reportId }, ct) == 1;

    public async Task<int> CountAsync(CancellationToken ct) =>
        (int)await database.ScalarAsync<long>("SELECT COUNT(*) FROM known_numbers", null, ct);

    /// <summary>/forget of the reporter's chat: the confirmed numbers stay (they are not the reporter's data), without the link to the deleted reports.</summary>
    public Task DetachFromChatReportsAsync(long chatId, CancellationToken ct) => database.ExecuteAsync(
        "UPDATE known_numbers SET report_id = NULL WHERE report_id IN (SELECT id FROM reports WHERE chat_id = @chatId)", new { chatId }, ct);
}
