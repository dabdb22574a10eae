using Bot.Worker.Storage;

namespace Bot.Tests.Unit.Support;

/// <summary>
/// Runs a use case with a failure injected after its 1st statement, then its 2nd, ... until it runs through,
/// and checks after each failure that the database (and the recorded Quartz triggers) are as they were.
/// </summary>
internal static class HalfWritten
{
    /// <summary>Every row a deadline use case can write, as text (NULLs as "-").</summary>
    private static readonly string[] DeadlineTables =
    [
        "SELECT id || ':' || state || ':' || CAST(due_at AS TEXT) FROM occurrences ORDER BY id",
        "SELECT occurrence_id || ':' || step || '=' || state || '@' || CAST(fire_at AS TEXT) || ':' || fired_count || ':' || COALESCE(note, '-') FROM occurrence_steps ORDER BY occurrence_id, step",
        "SELECT occurrence_id || ':' || kind || ':' || COALESCE(CAST(chat_id AS TEXT), '-') || ':' || COALESCE(step, '-') || ':' || COALESCE(send_key, '-') FROM occurrence_events ORDER BY id",
        "SELECT idem_key || ':' || state FROM outbox ORDER BY id",
        "SELECT occurrence_id || ':' || user_id || '@' || CAST(until AS TEXT) FROM snoozes ORDER BY occurrence_id, user_id",
        "SELECT state FROM extension_requests ORDER BY id",
        "SELECT deadline_id || ':' || fingerprint || ':' || CAST(planned_through AS TEXT) FROM deadline_plans ORDER BY deadline_id",
    ];

    /// <summary>Returns how many runs were broken; the last run went through. <paramref name="tables"/>: what to compare (default: the deadline tables).</summary>
    public static async Task<int> BreakEveryStatementAsync(WorkerServices bot, BreakingObserver breaker, Func<Task> useCase, params string[] tables)
    {
        var before = await SnapshotAsync(bot, tables);
        var triggersBefore = Triggers(bot);
        for (var after = 1; ; after++)
        {
            breaker.BreakAfter(after);
            try
            {
                await useCase();
                breaker.Disarm();
                return after - 1;
            }
            catch (InvalidOperationException ex) when (ex.Message.StartsWith("injected", StringComparison.Ordinal))
            {
                Assert.Equal(before, await SnapshotAsync(bot, tables));
                Assert.Equal(triggersBefore, Triggers(bot));
            }
        }
    }

    public static async Task<string> SnapshotAsync(WorkerServices bot, params string[] queries)
    {
        var db = bot.Get<IDatabase>();
        var parts = new List<string>();
        foreach (var sql in queries.Length > 0 ? queries : DeadlineTables)
        {
            parts.Add(string.Join(",", await db.QueryAsync<string>(sql, null, CancellationToken.None)));
        }
        return string.Join(" | ", parts);
    }

    private static string Triggers(WorkerServices bot) =>
        string.Join(",", bot.Steps.Scheduled.OrderBy(p => p.Key).Select(p => $"{p.Key.Occurrence}:{p.Key.Step}@{p.Value.At:O}/{p.Value.Every}"));
}
