using Bot.Worker.Storage;
using Bot.Worker.Transport;

namespace Bot.Worker.Chats;

/// <summary>The chats table: who talks to the bot, their language, quiet hours and status.</summary>
internal sealed class ChatStore(IDatabase database, TimeProvider clock)
{
    private const string Columns = """
        chat_id AS ChatId, kind, user_id AS UserId, first_name AS FirstName, username, language,
        quiet_start AS QuietStart, quiet_end AS QuietEnd, quiet_zone AS QuietZone, status,
        status_at AS StatusAt, created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    /// <summary>Records the chat on any update: new chats get the client's language; a returning chat is active again.</summary>
    public async Task<ChatRecord> TouchAsync(IncomingUpdate update, CancellationToken ct)
    {
        var isPrivate = update.ChatKind == ChatKind.Private;
        return await database.QuerySingleAsync<ChatRecord>($"""
            INSERT INTO chats (chat_id, kind, user_id, first_name, username, language, status, status_at, created_at, updated_at)
            VALUES (@ChatId, @Kind, @UserId, @FirstName, @Username, @Language, 'active', @Now, @Now, @Now)
            ON CONFLICT (chat_id) DO UPDATE SET
                kind = excluded.kind, user_id = excluded.user_id, first_name = excluded.first_name,
                username = excluded.username, language = COALESCE(chats.language, excluded.language),
                status_at = CASE WHEN chats.status = 'active' THEN chats.status_at ELSE excluded.updated_at END,
                status = 'active', updated_at = excluded.updated_at
            RETURNING {Columns}
            """, new
        {
            update.ChatId,
            Kind = isPrivate ? "private" : "group",
            UserId = isPrivate ? update.From.Id : (long?)null,
            FirstName = isPrivate ? update.From.FirstName : null,
            Username = isPrivate ? update.From.Username : null,
            Language = isPrivate ? Languages.FromClient(update.From.LanguageCode) : null,
            Now = clock.NowMs(),
        }, ct);
    }

    public Task<ChatRecord?> FindAsync(long chatId, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<ChatRecord>($"SELECT {Columns} FROM chats WHERE chat_id = @chatId", new { chatId }, ct);

    public Task SetLanguageAsync(long chatId, string language, CancellationToken ct) => database.ExecuteAsync(
        "UPDATE chats SET language = @language, updated_at = @now WHERE chat_id = @chatId",
        new { chatId, language, now = clock.NowMs() }, ct);

    public Task SetQuietHoursAsync(long chatId, int? start, int? end, string? zone, CancellationToken ct) => database.ExecuteAsync(
        "UPDATE chats SET quiet_start = @start, quiet_end = @end, quiet_zone = @zone, updated_at = @now WHERE chat_id = @chatId",
        new { chatId, start, end, zone, now = clock.NowMs() }, ct);

    public Task SetStatusAsync(long chatId, string status, CancellationToken ct) => database.ExecuteAsync(
        "UPDATE chats SET status = @status, status_at = @now, updated_at = @now WHERE chat_id = @chatId AND status <> @status",
        new { chatId, status, now = clock.NowMs() }, ct);

    /// <summary>/forget: everything about the person goes; the row stays as a record that the chat opted out.</summary>
    public Task ForgetAsync(long chatId, CancellationToken ct) => database.ExecuteAsync("""
        UPDATE chats SET user_id = NULL, first_name = NULL, username = NULL, language = NULL,
            quiet_start = NULL, quiet_end = NULL, quiet_zone = NULL,
            status = 'forgotten', status_at = @now, updated_at = @now
        WHERE chat_id = @chatId
        """, new { chatId, now = clock.NowMs() }, ct);

    public async Task<IReadOnlyDictionary<string, int>> CountByStatusAsync(CancellationToken ct) =>
        (await database.QueryAsync<(string Status, long Count)>("SELECT status, COUNT(*) FROM chats GROUP BY status", null, ct))
        .ToDictionary(r => r.Status, r => (int)r.Count);
}
