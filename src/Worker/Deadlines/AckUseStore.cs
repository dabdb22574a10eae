using Bot.Worker.Storage;

namespace Bot.Worker.Deadlines;

/// <summary>The uses of ack links (table <c>ack_uses</c>): a link acts once for a person (a robot's link once per member).</summary>
internal sealed class AckUseStore(IDatabase database, TimeProvider clock)
{
    /// <summary>Records the use (the caller's unit of work); false when this link was already used by this person.</summary>
    public async Task<bool> AddAsync(string fingerprint, long personId, long occurrenceId, AckAction action, CancellationToken ct) => await database.ExecuteAsync("""
        INSERT INTO ack_uses (token_hash, person_id, occurrence_id, action, used_at) VALUES (@fingerprint, @personId, @occurrenceId, @action, @now)
        ON CONFLICT (token_hash, person_id) DO NOTHING
        """, new { fingerprint, personId, occurrenceId, action = action.ToString().ToLowerInvariant(), now = clock.NowMs() }, ct) == 1;

    /// <summary>When this person used this link, if they did.</summary>
    public async Task<DateTimeOffset?> UsedAtAsync(string fingerprint, long personId, CancellationToken ct) =>
        await database.ScalarAsync<long?>("SELECT used_at FROM ack_uses WHERE token_hash = @fingerprint AND person_id = @personId", new { fingerprint, personId }, ct) is { } ms
            ? UnixTime.FromMs(ms)
            : null;
}
