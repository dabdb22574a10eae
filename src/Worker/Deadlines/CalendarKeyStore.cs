using Bot.Worker.Storage;

namespace Bot.Worker.Deadlines;

/// <summary>The iCal feed key of each team (one row per team; rotating replaces it).</summary>
internal sealed class CalendarKeyStore(IDatabase database, TimeProvider clock)
{
    public Task<string?> FindAsync(string teamId, CancellationToken ct) =>
        database.ScalarAsync<string?>("SELECT key FROM calendar_keys WHERE team_id = @teamId", new { teamId }, ct);

    /// <summary>Stores <paramref name="key"/> unless the team has one already; returns the team's key either way.</summary>
    public async Task<string> AddIfMissingAsync(string teamId, string key, CancellationToken ct)
    {
        await database.ExecuteAsync(
            "INSERT INTO calendar_keys (team_id, key, created_by, created_at) VALUES (@teamId, @key, NULL, @now) ON CONFLICT (team_id) DO NOTHING",
            new { teamId, key, now = clock.NowMs() }, ct);
        return (await FindAsync(teamId, ct))!;
    }

    /// <summary>Replaces the team's key (or sets its first one): the old key stops working with this commit.</summary>
    public Task ReplaceAsync(string teamId, string key, long by, CancellationToken ct) => database.ExecuteAsync("""
        INSERT INTO calendar_keys (team_id, key, created_by, created_at) VALUES (@teamId, @key, @by, @now)
        ON CONFLICT (team_id) DO UPDATE SET key = excluded.key, created_by = excluded.created_by, created_at = excluded.created_at
        """, new { teamId, key, by, now = clock.NowMs() }, ct);
}
