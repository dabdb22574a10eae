using Bot.TestDatabases;
using Bot.Tests.Unit.Support;
using Bot.Worker.Awareness;
using Bot.Worker.Delivery;
using Bot.Worker.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Unit.Awareness;

/// <summary>
/// A 403 blocks the chat and finishes the refused row in one unit of work: what the dispatcher (<c>SendFailures</c>)
/// runs when Telegram says the chat is gone (<see cref="IBlockedChatHandler.OnChatBlockedAsync"/> and the row's final
/// state, in one <see cref="IDatabase.InTransactionAsync{T}"/>), broken after any statement, changes nothing.
/// </summary>
public abstract class ChatBlockingTests(StorageProvider provider)
{
    private const long Chat = 7001;

    private static readonly string[] Tables =
    [
        "SELECT idem_key || ':' || state || ':' || attempts || ':' || COALESCE(last_error, '-') FROM outbox ORDER BY id",
        "SELECT chat_id || ':' || status FROM chats ORDER BY chat_id",
        "SELECT chat_id || ':' || topic FROM subscriptions ORDER BY chat_id, topic",
        "SELECT chat_id || ':' || topic || ':' || action || ':' || source FROM consent_log ORDER BY id",
    ];

    [Fact]
    public async Task A_refused_send_blocks_the_chat_and_finishes_its_row_together_or_not_at_all()
    {
        var breaker = new BreakingObserver();
        await using var bot = await WorkerServices.StartAsync("teams: []", new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero), s => s.AddSingleton<IStatementObserver>(breaker), provider);
        var database = bot.Get<IDatabase>();
        await database.ExecuteAsync(
            "INSERT INTO chats (chat_id, kind, user_id, first_name, language, status, status_at, created_at, updated_at) VALUES (@Chat, 'private', @Chat, 'User', 'en', 'active', 0, 0, 0)",
            new { Chat }, CancellationToken.None);
        await bot.Get<SubscriptionStore>().SubscribeAsync(Chat, ["tips", "alerts"], "/subscribe", CancellationToken.None);
        await bot.Get<IOutbox>().EnqueueManyAsync(
            [new OutgoingMessage("refused", Chat, "hi", MessagePriority.Tip, "test"), new OutgoingMessage("queued", Chat, "later", MessagePriority.Tip, "test")], CancellationToken.None);
        var delivery = bot.Get<OutboxDeliveryStore>();
        var refused = (await delivery.FetchPendingAsync((int)MessagePriority.Tip, 0, 10, CancellationToken.None))[0];
        var term = await Fencing.ClaimAsync(database, delivery, refused.Id);
        var handler = bot.Get<IBlockedChatHandler>();

        var broken = await HalfWritten.BreakEveryStatementAsync(bot, breaker, () => database.InTransactionAsync(async ct =>
        {
            await handler.OnChatBlockedAsync(Chat, "403 Forbidden: bot was blocked by the user", ct);
            await delivery.MarkFinalAsync(refused.Id, term, DeliveryState.Blocked, "403 Forbidden: bot was blocked by the user", ct);
        }, CancellationToken.None), Tables);

        Assert.True(broken >= 4, $"blocking ran only {broken + 1} statements");
        Assert.Equal(
            "refused:blocked:1:403 Forbidden: bot was blocked by the user,queued:blocked:0:403 Forbidden: bot was blocked by the user | 7001:blocked |  | "
            + "7001:tips:on:/subscribe,7001:alerts:on:/subscribe,7001:tips:off:blocked,7001:alerts:off:blocked",
            await HalfWritten.SnapshotAsync(bot, Tables));
    }
}

public sealed class ChatBlockingTestsOnSqlite() : ChatBlockingTests(StorageProvider.Sqlite);

public sealed class ChatBlockingTestsOnPostgres() : ChatBlockingTests(StorageProvider.Postgres);
