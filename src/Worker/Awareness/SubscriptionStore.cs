using System.Data.Common;
using Bot.Worker.Chats;
using Bot.Worker.Delivery;
using Bot.Worker.Storage;
using Dapper;

namespace Bot.Worker.Awareness;

/// <summary>Topic subscriptions and their consent log; also ends them when Telegram says a chat is gone.</summary>
internal sealed class SubscriptionStore(IDatabase database, ChatStore chats, TimeProvider clock) : IBlockedChatHandler
{
    public async Task<IReadOnlySet<string>> GetAsync(long chatId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var topics = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT topic FROM subscriptions WHERE chat_id = @chatId", new { chatId }, cancellationToken: ct));
        return topics.ToHashSet();
    }

    /// <summary>Turns topics on; returns those that were off.</summary>
    public async Task<IReadOnlyList<string>> SubscribeAsync(long chatId, IEnumerable<string> topics, string source, CancellationToken ct)
    {
        var now = clock.NowMs();
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var changed = new List<string>();
        foreach (var topic in topics.Distinct())
        {
            var inserted = await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO subscriptions (chat_id, topic, since) VALUES (@chatId, @topic, @now) ON CONFLICT (chat_id, topic) DO NOTHING",
                new { chatId, topic, now }, tx, cancellationToken: ct));
            if (inserted > 0)
            {
                await LogAsync(connection, tx, chatId, topic, "on", source, now, ct);
                changed.Add(topic);
            }
        }
        await tx.CommitAsync(ct);
        return changed;
    }

    /// <summary>Turns topics off (all of them when <paramref name="topics"/> is null); returns those that were on.</summary>
    public async Task<IReadOnlyList<string>> UnsubscribeAsync(long chatId, IEnumerable<string>? topics, string source, CancellationToken ct)
    {
        var now = clock.NowMs();
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var changed = new List<string>();
        foreach (var topic in (topics ?? Topics.All).Distinct())
        {
            var deleted = await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM subscriptions WHERE chat_id = @chatId AND topic = @topic", new { chatId, topic }, tx, cancellationToken: ct));
            if (deleted > 0)
            {
                await LogAsync(connection, tx, chatId, topic, "off", source, now, ct);
                changed.Add(topic);
            }
        }
        await tx.CommitAsync(ct);
        return changed;
    }

    public async Task<IReadOnlyList<ConsentEntry>> ConsentLogAsync(long chatId, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<ConsentEntry>(new CommandDefinition(
            "SELECT topic, action, source, at FROM consent_log WHERE chat_id = @chatId ORDER BY id DESC LIMIT @limit",
            new { chatId, limit }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>A 403 or my_chat_member "kicked": the chat is blocked and every subscription ends.</summary>
    public async Task OnChatBlockedAsync(long chatId, string reason, CancellationToken cancellationToken)
    {
        // Subscriptions first: once the chat reads as blocked, nothing of it is subscribed.
        await UnsubscribeAsync(chatId, null, "blocked", cancellationToken);
        await chats.SetStatusAsync(chatId, ChatStatus.Blocked, cancellationToken);
    }

    private static Task<int> LogAsync(DbConnection connection, DbTransaction tx, long chatId, string topic, string action, string source, long now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO consent_log (chat_id, topic, action, source, at) VALUES (@chatId, @topic, @action, @source, @now)",
            new { chatId, topic, action, source, now }, tx, cancellationToken: ct));
}
