using Bot.Worker.Storage;

namespace Bot.Worker.Deadlines;

/// <summary>Per-person snoozes: the team's reminders skip a snoozed member until their own comes.</summary>
internal sealed class SnoozeStore(IDatabase database)
{
    public Task SetAsync(long occurrenceId, long userId, DateTimeOffset until, CancellationToken ct) => database.ExecuteAsync("""
        INSERT INTO snoozes (occurrence_id, user_id, until) VALUES (@occurrenceId, @userId, @until)
        ON CONFLICT (occurrence_id, user_id) DO UPDATE SET until = excluded.until
        """, new { occurrenceId, userId, until = until.ToMs() }, ct);

    public Task EndAsync(long occurrenceId, long userId, CancellationToken ct) =>
        database.ExecuteAsync("DELETE FROM snoozes WHERE occurrence_id = @occurrenceId AND user_id = @userId", new { occurrenceId, userId }, ct);

    /// <summary>Users of the occurrence whose snooze has not ended.</summary>
    public Task<IReadOnlyList<long>> ListActiveAsync(long occurrenceId, DateTimeOffset now, CancellationToken ct) => database.QueryAsync<long>(
        "SELECT user_id FROM snoozes WHERE occurrence_id = @occurrenceId AND until > @now", new { occurrenceId, now = now.ToMs() }, ct);
}
