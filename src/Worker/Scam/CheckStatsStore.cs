using Bot.Worker.Storage;

namespace Bot.Worker.Scam;

/// <summary>Verdict counts per UTC day and level, and how often each sign matched: counts only, never text or chats.</summary>
internal sealed class CheckStatsStore(IDatabase database)
{
    /// <summary>The row that counts verdicts themselves (the other rows count signs).</summary>
    public const string VerdictRow = "";

    /// <summary>Counts one verdict and each of its signs; the caller's unit of work makes it one commit.</summary>
    public Task CountAsync(long day, string level, IEnumerable<string> signIds, CancellationToken ct) => database.ExecuteAsync("""
        INSERT INTO check_stats (day, level, sign_id, count) VALUES (@day, @level, @signId, 1)
        ON CONFLICT (day, level, sign_id) DO UPDATE SET count = check_stats.count + excluded.count
        """, signIds.Prepend(VerdictRow).Distinct().Select(signId => new { day, level, signId }).ToList(), ct);

    /// <summary>Verdicts by level since <paramref name="fromDay"/> (inclusive).</summary>
    public async Task<IReadOnlyDictionary<string, int>> VerdictsSinceAsync(long fromDay, CancellationToken ct) =>
        (await database.QueryAsync<(string Level, long Count)>(
            "SELECT level, SUM(count) FROM check_stats WHERE day >= @fromDay AND sign_id = '' GROUP BY level", new { fromDay }, ct))
        .ToDictionary(r => r.Level, r => (int)r.Count);

    /// <summary>The signs matched most often since <paramref name="fromDay"/>, most first.</summary>
    public async Task<IReadOnlyList<(string SignId, int Count)>> TopSignsSinceAsync(long fromDay, int limit, CancellationToken ct) =>
        (await database.QueryAsync<(string SignId, long Count)>("""
            SELECT sign_id, SUM(count) AS total FROM check_stats WHERE day >= @fromDay AND sign_id <> ''
            GROUP BY sign_id ORDER BY total DESC, sign_id LIMIT @limit
            """, new { fromDay, limit }, ct))
        .Select(r => (r.SignId, (int)r.Count)).ToList();
}
