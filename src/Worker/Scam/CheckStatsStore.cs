using Bot.Worker.Storage;

namespace Bot.Worker.Scam;

/// <summary>Verdict counts per UTC day and level, how often each sign matched, and the 👍/👎 those verdicts got: counts only, never text or chats.</summary>
internal sealed class CheckStatsStore(IDatabase database)
{
    /// <summary>The row that counts verdicts themselves (the other rows count signs).</summary>
    public const string VerdictRow = "";

    /// <summary>Counts one verdict and each of its signs; the caller's unit of work makes it one commit.</summary>
    public Task CountAsync(long day, string level, IEnumerable<string> signIds, CancellationToken ct) => database.ExecuteAsync("""
        INSERT INTO check_stats (day, level, sign_id, count) VALUES (@day, @level, @signId, 1)
        ON CONFLICT (day, level, sign_id) DO UPDATE SET count = check_stats.count + excluded.count
        """, signIds.Prepend(VerdictRow).Distinct().Select(signId => new { day, level, signId }).ToList(), ct);

    /// <summary>Counts a 👍 (<paramref name="up"/>) or 👎 on a verdict of <paramref name="day"/>, on its level's row and each sign's.</summary>
    public Task CountVoteAsync(long day, string level, IEnumerable<string> signIds, bool up, CancellationToken ct) => database.ExecuteAsync("""
        INSERT INTO check_stats (day, level, sign_id, count, up, down) VALUES (@day, @level, @signId, 0, @upOne, @downOne)
        ON CONFLICT (day, level, sign_id) DO UPDATE SET up = check_stats.up + excluded.up, down = check_stats.down + excluded.down
        """, signIds.Prepend(VerdictRow).Distinct().Select(signId => new { day, level, signId, upOne = up ? 1 : 0, downOne = up ? 0 : 1 }).ToList(), ct);

    /// <summary>Verdicts by level since <paramref name="fromDay"/> (inclusive), with their 👍 and 👎.</summary>
    public Task<IReadOnlyList<(string Level, long Count, long Up, long Down)>> LevelsSinceAsync(long fromDay, CancellationToken ct) =>
        database.QueryAsync<(string Level, long Count, long Up, long Down)>(
            "SELECT level, SUM(count), SUM(up), SUM(down) FROM check_stats WHERE day >= @fromDay AND sign_id = '' GROUP BY level", new { fromDay }, ct);

    /// <summary>The signs matched most often since <paramref name="fromDay"/>, most first.</summary>
    public async Task<IReadOnlyList<(string SignId, int Count)>> TopSignsSinceAsync(long fromDay, int limit, CancellationToken ct) =>
        (await database.QueryAsync<(string SignId, long Count)>("""
            SELECT sign_id, SUM(count) AS total FROM check_stats WHERE day >= @fromDay AND sign_id <> ''
            GROUP BY sign_id ORDER BY total DESC, sign_id LIMIT @limit
            """, new { fromDay, limit }, ct))
        .Select(r => (r.SignId, (int)r.Count)).ToList();

    /// <summary>Signs whose verdicts got a 👍 or 👎 since <paramref name="fromDay"/>, most 👎 first.</summary>
    public async Task<IReadOnlyList<SignFeedback>> SignVotesSinceAsync(long fromDay, int limit, CancellationToken ct) =>
        (await database.QueryAsync<(string SignId, long Count, long Up, long Down)>("""
            SELECT sign_id, SUM(count), SUM(up), SUM(down) FROM check_stats WHERE day >= @fromDay AND sign_id <> ''
            GROUP BY sign_id HAVING SUM(up) + SUM(down) > 0 ORDER BY SUM(down) DESC, SUM(up) DESC, sign_id LIMIT @limit
            """, new { fromDay, limit }, ct))
        .Select(r => new SignFeedback(r.SignId, (int)r.Count, (int)r.Up, (int)r.Down)).ToList();
}
