using System.Data.Common;
using Bot.Worker.Storage;
using Dapper;

namespace Bot.Worker.Delivery;

/// <summary>Writes messages into the outbox and wakes the dispatcher.</summary>
internal sealed class OutboxStore(IDatabase database, TimeProvider clock, DispatchSignal signal) : IOutbox
{
    private const string InsertSql = """
        INSERT INTO outbox (idem_key, chat_id, priority, kind, text, buttons, state, not_before, expires_at, broadcast_id, created_at, updated_at)
        VALUES (@Key, @ChatId, @Priority, @Kind, @Text, @Buttons, @State, @NotBefore, @ExpiresAt, @BroadcastId, @Now, @Now)
        ON CONFLICT (idem_key) DO NOTHING
        """;

    public async Task<bool> EnqueueAsync(OutgoingMessage message, CancellationToken cancellationToken) =>
        await EnqueueManyAsync([message], cancellationToken) > 0;

    public Task<int> EnqueueManyAsync(IReadOnlyCollection<OutgoingMessage> messages, CancellationToken cancellationToken) =>
        EnqueueManyAsync(messages, null, cancellationToken);

    /// <summary>
    /// Adds the messages and runs <paramref name="alsoInTransaction"/> in the same transaction, so a
    /// batch and its bookkeeping (a broadcast's resume point, say) commit together or not at all.
    /// </summary>
    public async Task<int> EnqueueManyAsync(IReadOnlyCollection<OutgoingMessage> messages, Func<DbConnection, DbTransaction, Task>? alsoInTransaction, CancellationToken cancellationToken)
    {
        if (messages.Count == 0 && alsoInTransaction is null)
        {
            return 0;
        }
        var now = clock.NowMs();
        var rows = messages.SelectMany(m => ToRows(m, now)).ToList();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = rows.Count == 0 ? 0 : await connection.ExecuteAsync(new CommandDefinition(InsertSql, rows, tx, cancellationToken: cancellationToken));
        if (alsoInTransaction is not null)
        {
            await alsoInTransaction(connection, tx);
        }
        await tx.CommitAsync(cancellationToken);
        if (inserted > 0)
        {
            signal.Notify(messages.Min(m => m.Priority));
        }
        return inserted;
    }

    private static IEnumerable<object> ToRows(OutgoingMessage message, long now)
    {
        var parts = MessageSplitter.Split(message.Html);
        var notBefore = message.NotBefore?.ToMs() ?? now;
        var state = notBefore > now ? DeliveryState.Deferred : DeliveryState.Pending;
        for (var i = 0; i < parts.Count; i++)
        {
            var last = i == parts.Count - 1;
            yield return new
            {
                Key = i == 0 ? message.Key : $"{message.Key}#{i + 1}",
                message.ChatId,
                Priority = (int)message.Priority,
                message.Kind,
                Text = parts[i],
                Buttons = last ? ButtonsJson.Serialize(message.Buttons) : null,
                State = state,
                NotBefore = Math.Max(notBefore, now),
                ExpiresAt = message.ExpiresAt?.ToMs(),
                message.BroadcastId,
                Now = now,
            };
        }
    }
}
