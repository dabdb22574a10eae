using Bot.Worker.Storage;

namespace Bot.Worker.Deadlines;

/// <summary>Extension requests and the lead's decisions.</summary>
internal sealed class ExtensionStore(IDatabase database, TimeProvider clock)
{
    public async Task<long> AddAsync(long occurrenceId, long userId, string reason, TimeSpan extension, CancellationToken ct) => await database.ScalarAsync<long>("""
        INSERT INTO extension_requests (occurrence_id, user_id, reason, extension_ms, state, created_at)
        VALUES (@occurrenceId, @userId, @reason, @ms, 'pending', @now) RETURNING id
        """, new { occurrenceId, userId, reason, ms = (long)extension.TotalMilliseconds, now = clock.NowMs() }, ct);

    public Task<ExtensionRequest?> FindAsync(long id, CancellationToken ct) => database.QuerySingleOrDefaultAsync<ExtensionRequest>(
        "SELECT id, occurrence_id AS OccurrenceId, user_id AS UserId, extension_ms AS ExtensionMs, state FROM extension_requests WHERE id = @id",
        new { id }, ct);

    /// <summary>Records the decision; false if the request was not pending any more.</summary>
    public async Task<bool> DecideAsync(long id, bool approve, long deciderId, CancellationToken ct) => await database.ExecuteAsync(
        "UPDATE extension_requests SET state = @state, decided_by = @deciderId, decided_at = @now WHERE id = @id AND state = 'pending'",
        new { state = approve ? "approved" : "denied", deciderId, now = clock.NowMs(), id }, ct) == 1;
}
