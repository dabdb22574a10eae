using Bot.Worker.Storage;

namespace Bot.Worker.Awareness;

/// <summary>Topic subscriptions and their consent log.</summary>
internal sealed class SubscriptionStore(IDatabase database, TimeProvider clock)
{
    public async Task<IReadOnlySet<string>> GetAsync(long chatId, CancellationToken ct) =>
        (await database.QueryAsync<string>("SELECT topic FROM subscriptions WHERE chat_id = @chatId", new { chatId }, ct)).ToHashSet();

    /// <summary>Turns topics on; returns those that were off.</summary>
    public Task<IReadOnlyList<string>> SubscribeAsync(long chatId, IEnumerable<string> topics, string source, CancellationToken ct) =>
        database.InTransactionAsync<IReadOnlyList<string>>(async token =>
        {
            var now = clock.NowMs();
            var changed = new List<string>();
            foreach (var topic in topics.Distinct())
            {
                var inserted = await database.ExecuteAsync(
                    "INSERT INTO subscriptions (chat_id, topic, since) VALUES (@chatId, @topic, @now) ON CONFLICT (chat_id, topic) DO NOTHING",
                    new { chatId, topic, now }, token);
                if (inserted > 0)
                {
                    await LogAsync(chatId, topic, "on", source, now, token);
                    changed.Add(topic);
                }
            }
            return changed;
        }, ct);

    /// <summary>Turns topics off (all of them when <paramref name="topics"/> is null); returns those that were on.</summary>
    public Task<IReadOnlyList<string>> UnsubscribeAsync(long chatId, IEnumerable<string>? topics, string source, CancellationToken ct) =>
        database.InTransactionAsync<IReadOnlyList<string>>(async token =>
        {
            var now = clock.NowMs();
            var changed = new List<string>();
            foreach (var topic in (topics ?? Topics.All).Distinct())
            {
                var deleted = await database.ExecuteAsync(
                    "DELETE FROM subscriptions WHERE chat_id = @chatId AND topic = @topic", new { chatId, topic }, token);
                if (deleted > 0)
                {
                    await LogAsync(chatId, topic, "off", source, now, token);
                    changed.Add(topic);
                }
            }
            return changed;
        }, ct);

    public Task<IReadOnlyList<ConsentEntry>> ConsentLogAsync(long chatId, int limit, CancellationToken ct) => database.QueryAsync<ConsentEntry>(
        "SELECT topic, action, source, at FROM consent_log WHERE chat_id = @chatId ORDER BY id DESC LIMIT @limit", new { chatId, limit }, ct);

    /// <summary>/forget: the chat's subscriptions and its consent log go.</summary>
    public async Task ForgetChatAsync(long chatId, CancellationToken ct)
    {
        await database.ExecuteAsync("DELETE FROM subscriptions WHERE chat_id = @chatId", new { chatId }, ct);
        await database.ExecuteAsync("DELETE FROM consent_log WHERE chat_id = @chatId", new { chatId }, ct);
    }

    /// <summary>Active subscribers per topic and language (null: the default language).</summary>
    public async Task<IReadOnlyList<(string Topic, string? Language, int Count)>> CountByTopicAndLanguageAsync(CancellationToken ct) =>
        (await database.QueryAsync<(string Topic, string? Language, long Count)>("""
            SELECT s.topic, c.language, COUNT(*) FROM subscriptions s JOIN chats c ON c.chat_id = s.chat_id
            WHERE c.status = 'active' GROUP BY s.topic, c.language
            """, null, ct)).Select(r => (r.Topic, r.Language, (int)r.Count)).ToList();

    private Task<int> LogAsync(long chatId, string topic, string action, string source, long now, CancellationToken ct) => database.ExecuteAsync(
        "INSERT INTO consent_log (chat_id, topic, action, source, at) VALUES (@chatId, @topic, @action, @source, @now)",
        new { chatId, topic, action, source, now }, ct);
}
