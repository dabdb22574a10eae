using Bot.Worker.Storage;

namespace Bot.Worker.Scam;

/// <summary>
/// The searchable form of confirmed fraud reports (<c>reported_alike</c>) and its version, bumped in the transaction of
/// every change, so each node knows when its index in memory is out of date.
/// </summary>
internal sealed class ReportedAlikeStore(IDatabase database)
{
    public async Task<long> VersionAsync(CancellationToken ct) =>
        await database.ScalarAsync<long>("SELECT version FROM reported_alike_version WHERE id = 1", null, ct);

    public Task<IReadOnlyList<ReportedAlikeRow>> AllAsync(CancellationToken ct) => database.QueryAsync<ReportedAlikeRow>(
        "SELECT report_id AS ReportId, normalized, confirmed_at AS ConfirmedAt FROM reported_alike ORDER BY report_id", null, ct);

    /// <summary>Keeps a confirmed report's searchable form; joins the caller's unit of work (the decision's).</summary>
    public async Task AddAsync(long reportId, string normalized, long confirmedAt, CancellationToken ct)
    {
        await database.ExecuteAsync("""
            INSERT INTO reported_alike (report_id, normalized, confirmed_at) VALUES (@reportId, @normalized, @confirmedAt)
            ON CONFLICT (report_id) DO NOTHING
            """, new { reportId, normalized, confirmedAt }, ct);
        await BumpAsync(ct);
    }

    /// <summary>/forget of the reporter: the searchable form of the chat's reports goes with them (before the reports are deleted).</summary>
    public async Task ForgetChatReportsAsync(long chatId, CancellationToken ct)
    {
        if (await database.ExecuteAsync(
            "DELETE FROM reported_alike WHERE report_id IN (SELECT id FROM reports WHERE chat_id = @chatId)", new { chatId }, ct) > 0)
        {
            await BumpAsync(ct);
        }
    }

    public async Task<int> CountAsync(CancellationToken ct) =>
        (int)await database.ScalarAsync<long>("SELECT COUNT(*) FROM reported_alike", null, ct);

    private Task<int> BumpAsync(CancellationToken ct) =>
        database.ExecuteAsync("UPDATE reported_alike_version SET version = version + 1 WHERE id = 1", null, ct);
}
