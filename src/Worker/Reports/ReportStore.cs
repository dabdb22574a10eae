using System.Data;
using Bot.Worker.Storage;
using Dapper;

namespace Bot.Worker.Reports;

/// <summary>Reports, and the marker of a chat whose next message is a report (in the database, so every worker sees it).</summary>
internal sealed class ReportStore(IDatabase database, TimeProvider clock)
{
    private const string Columns = """
        id, chat_id AS ChatId, user_id AS UserId, text, entities, state, decided_by AS DecidedBy, decided_at AS DecidedAt, created_at AS CreatedAt,
        kind, verdict_level AS VerdictLevel, verdict_signs AS VerdictSigns
        """;

    /// <summary>Marks the chat as about to send a report of <paramref name="prompt"/>'s kind (again: the time and kind move on).</summary>
    public Task MarkAwaitingAsync(long chatId, long userId, ReportPrompt prompt, CancellationToken ct) => database.ExecuteAsync("""
        INSERT INTO report_prompts (chat_id, user_id, started_at, kind, verdict_level, verdict_signs)
        VALUES (@chatId, @userId, @now, @Kind, @VerdictLevel, @VerdictSigns)
        ON CONFLICT (chat_id) DO UPDATE SET user_id = excluded.user_id, started_at = excluded.started_at,
            kind = excluded.kind, verdict_level = excluded.verdict_level, verdict_signs = excluded.verdict_signs
        """, new { chatId, userId, now = clock.NowMs(), prompt.Kind, prompt.VerdictLevel, prompt.VerdictSigns }, ct);

    /// <summary>Removes the chat's marker; what it was, if it was started at or after <paramref name="notBefore"/>, else null.</summary>
    public async Task<ReportPrompt?> TakeAwaitingAsync(long chatId, DateTimeOffset notBefore, CancellationToken ct) =>
        await database.QuerySingleOrDefaultAsync<AwaitingReport>("""
            DELETE FROM report_prompts WHERE chat_id = @chatId
            RETURNING started_at AS StartedAt, kind, verdict_level AS VerdictLevel, verdict_signs AS VerdictSigns
            """, new { chatId }, ct) is { } row && row.StartedAt >= notBefore.ToMs()
            ? new ReportPrompt(row.Kind, row.VerdictLevel, row.VerdictSigns)
            : null;

    public Task<long> CreateAsync(long chatId, long userId, string text, string entities, ReportPrompt prompt, CancellationToken ct) => database.ScalarAsync<long>("""
        INSERT INTO reports (chat_id, user_id, text, entities, state, created_at, kind, verdict_level, verdict_signs)
        VALUES (@chatId, @userId, @text, @entities, 'open', @now, @Kind, @VerdictLevel, @VerdictSigns) RETURNING id
        """, new { chatId, userId, text, entities, now = clock.NowMs(), prompt.Kind, prompt.VerdictLevel, prompt.VerdictSigns }, ct);

    public async Task<int> CountSinceAsync(long chatId, DateTimeOffset since, CancellationToken ct) => (int)await database.ScalarAsync<long>(
        "SELECT COUNT(*) FROM reports WHERE chat_id = @chatId AND created_at >= @since", new { chatId, since = since.ToMs() }, ct);

    public Task<Report?> FindAsync(long id, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<Report>($"SELECT {Columns} FROM reports WHERE id = @id", new { id }, ct);

    /// <summary>The chat's reports, newest first.</summary>
    public Task<IReadOnlyList<Report>> ListOfChatAsync(long chatId, int limit, CancellationToken ct) => database.QueryAsync<Report>(
        $"SELECT {Columns} FROM reports WHERE chat_id = @chatId ORDER BY id DESC LIMIT @limit", new { chatId, limit }, ct);

    /// <summary>Every chat's reports, newest first, in one state or all (<paramref name="state"/> null), of one kind or all (<paramref name="kind"/> null).</summary>
    public Task<IReadOnlyList<Report>> ListAsync(string? state, string? kind, int limit, CancellationToken ct)
    {
        // Typed parameters: PostgreSQL must know a parameter's type even when it is null.
        var args = new DynamicParameters();
        args.Add("state", state, DbType.String);
        args.Add("kind", kind, DbType.String);
        args.Add("limit", limit, DbType.Int32);
        return database.QueryAsync<Report>(
            $"SELECT {Columns} FROM reports WHERE (@state IS NULL OR state = @state) AND (@kind IS NULL OR kind = @kind) ORDER BY id DESC LIMIT @limit", args, ct);
    }

    public async Task<int> CountOfChatAsync(long chatId, CancellationToken ct) => (int)await database.ScalarAsync<long>(
        "SELECT COUNT(*) FROM reports WHERE chat_id = @chatId", new { chatId }, ct);

    /// <summary>Moves an open report to <paramref name="state"/>; false if it was decided already.</summary>
    public async Task<bool> DecideAsync(long id, string state, long by, CancellationToken ct) => await database.ExecuteAsync(
        "UPDATE reports SET state = @state, decided_by = @by, decided_at = @now WHERE id = @id AND state = 'open'",
        new { id, state, by, now = clock.NowMs() }, ct) == 1;

    /// <summary>/forget: the chat's reports and its marker.</summary>
    public async Task ForgetChatAsync(long chatId, CancellationToken ct)
    {
        await database.ExecuteAsync("DELETE FROM reports WHERE chat_id = @chatId", new { chatId }, ct);
        await database.ExecuteAsync("DELETE FROM report_prompts WHERE chat_id = @chatId", new { chatId }, ct);
    }
}
