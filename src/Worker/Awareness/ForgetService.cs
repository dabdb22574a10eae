using Bot.Worker.Chats;
using Bot.Worker.Delivery;
using Bot.Worker.Reports;
using Bot.Worker.Storage;

namespace Bot.Worker.Awareness;

/// <summary>/forget: deletes a chat's data in one transaction, keeping only a record that it opted out (its reports go too).</summary>
internal sealed class ForgetService(IDatabase database, SubscriptionStore subscriptions, TipHistoryStore tips, OutboxDeliveryStore outbox, ChatStore chats, ReportService reports)
{
    public Task ForgetAsync(long chatId, CancellationToken ct) => database.InTransactionAsync(async token =>
    {
        await subscriptions.ForgetChatAsync(chatId, token);
        await tips.ForgetChatAsync(chatId, token);
        await outbox.ForgetChatAsync(chatId, token);
        await reports.ForgetChatAsync(chatId, token);
        await chats.ForgetAsync(chatId, token);
    }, ct);
}
