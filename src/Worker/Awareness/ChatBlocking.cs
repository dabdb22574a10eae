using Bot.Worker.Chats;
using Bot.Worker.Delivery;
using Bot.Worker.Storage;

namespace Bot.Worker.Awareness;

/// <summary>
/// The one way a chat becomes blocked (a 403 while sending, or a my_chat_member "kicked"): its queued
/// messages stop, every subscription ends (logged as consent "off"), and the chat reads as blocked.
/// One unit of work, or part of the caller's: the dispatcher opens one around this and its own record of
/// the refused row (blocked, with Telegram's error), so a 403 commits once or not at all.
/// </summary>
internal sealed class ChatBlocking(IDatabase database, OutboxDeliveryStore outbox, SubscriptionStore subscriptions, ChatStore chats) : IBlockedChatHandler
{
    public Task<int> OnChatBlockedAsync(long chatId, string reason, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async ct =>
        {
            var stopped = await outbox.BlockChatAsync(chatId, reason, ct);
            await subscriptions.UnsubscribeAsync(chatId, null, "blocked", ct);
            await chats.SetStatusAsync(chatId, ChatStatus.Blocked, ct);
            return stopped;
        }, cancellationToken);
}
