using System.Data;
using Bot.Worker.Storage;
using Dapper;

namespace Bot.Worker.Reports;

/// <summary>Reports, and the marker of a chat whose next message is a report (in the database, so every worker sees it).</summary>
internal sealed class ReportStore(IDatabase database, TimeProvider clock)
{
    private const string Columns = """
        id, chat_id AS ChatId, user_id AS UserId, text, entities, state, decided_by AS DecidedBy, decided_at AS DecidedAt, created_at AS CreatedAt
        """;

    /// <summary>Marks the chat as about to send a report (again: the time moves on).</summary>
    public Task MarkAwaitingAsync(long chatId, long userId, CancellationToken ct) => database.ExecuteAsync("""
        INSERT INTO report_prompts (chat_id, user_id, started_at) VALUES (@chatId, @userId, @now)
        ON CONFLICT (chat_id) DO UPDATE SET user_id = excluded.user_id, started_at = excluded.started_at
        """, new { chatId, userId, now = clock.NowMs() }, ct);

    /// <summary>Removes the chat's marker; true if there was one started at or after <paramref name="notBefore"/>.</summary>
    public async Task<bool> TakeAwaitingAsync(long chatId, DateTimeOffset notBefore, CancellationToken ct) =>
        await database.ScalarAsync<long?>("DELETE FROM report_prompts WHERE chat_id = @chatId RETURNING started_at", new { chatId }, ct) is { } started
        && started >= notBefore.ToMs();

    public Task<long> CreateAsync(long chatId, long userId, string text, string entities, CancellationToken ct) => database.ScalarAsync<long>("""
        INSERT INTO reports (chat_id, user_id, text, entities, state, created_at)
        VALUES (@chatId, @userId, @text, @entities, 'open', @now) RETURNING id
        """, new { chatId, userId, text, entities, now = clock.NowMs() }, ct);

    public async Task<int> CountSinceAsync(long chatId, DateTimeOffset since, CancellationToken ct) => (int)await database.ScalarAsync<long>(
        "SELECT COUNT(*) FROM reports WHERE chat_id = @chatId AND created_at >= @since", new { chatId, since = since.ToMs() }, ct);

    public Task<Report?> FindAsync(long id, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<Report>($"SELECT {Columns} FROM reports WHERE id = @id", new { id }, ct);

    /// <summary>The chat's reports, newest first.</summary>
    public Task<IReadOnlyList<Report>> ListOfChatAsync(long chatId, int limit, CancellationToken ct) => database.QueryAsync<Report>(
        $"SELECT {Columns} FROM reports WHERE chat_id = @chatId ORDER BY id DESC LIMIT @limit", new { chatId, limit }, ct);

    /// <summary>Every chat's reports, newest first, in one state or all (<paramref name="state"/> null).</summary>
    public Task<IReadOnlyList<Report>> ListAsync(string? state, int limit, CancellationToken ct)
    {
        // Typed parameters: PostgreSQL must know a parameter's type even when it is null.
        var args = new DynamicParameters();
        args.Add("state", state, DbType.String);
        args.Add("limit", limit, DbType.Int32);
        return database.QueryAsync<Report>($"SELECT {Columns} FROM reports WHERE (@state IS NULL OR state = @state) ORDER BY id DESC LIMIT @limit", args, ct);
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
