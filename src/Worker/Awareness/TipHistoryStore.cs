using Bot.Worker.Storage;

namespace Bot.Worker.Awareness;

/// <summary>Which tips each chat has had: the one place that reads and writes tip_history.</summary>
internal sealed class TipHistoryStore(IDatabase database, TimeProvider clock)
{
    public async Task<IReadOnlySet<string>> SeenAsync(long chatId, CancellationToken ct) =>
        (await database.QueryAsync<string>("SELECT tip_id FROM tip_history WHERE chat_id = @chatId", new { chatId }, ct)).ToHashSet();

    /// <summary>The tips each chat in (<paramref name="after"/>, <paramref name="through"/>] has had.</summary>
    public async Task<ILookup<long, string>> SeenBetweenAsync(long after, long through, CancellationToken ct) =>
        (await database.QueryAsync<(long ChatId, string TipId)>(
            "SELECT chat_id, tip_id FROM tip_history WHERE chat_id > @after AND chat_id <= @through", new { after, through }, ct))
        .ToLookup(r => r.ChatId, r => r.TipId);

    /// <summary>Records the tips given; a chat that <c>StartsOver</c> (had them all) forgets the earlier round first.</summary>
    public Task RecordAsync(IReadOnlyCollection<TipGiven> given, CancellationToken ct) => database.InTransactionAsync(async token =>
    {
        foreach (var restart in given.Where(t => t.StartsOver))
        {
            await ForgetChatAsync(restart.ChatId, token);
        }
        if (given.Count > 0)
        {
            var now = clock.NowMs();
            await database.ExecuteAsync(
                "INSERT INTO tip_history (chat_id, tip_id, at) VALUES (@ChatId, @TipId, @now) ON CONFLICT (chat_id, tip_id) DO NOTHING",
                given.Select(t => new { t.ChatId, t.TipId, now }).ToList(), token);
        }
    }, ct);

    public Task ForgetChatAsync(long chatId, CancellationToken ct) =>
        database.ExecuteAsync("DELETE FROM tip_history WHERE chat_id = @chatId", new { chatId }, ct);
}
