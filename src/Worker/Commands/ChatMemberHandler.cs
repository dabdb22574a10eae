using Bot.Worker.Chats;
using Bot.Worker.Delivery;
using Bot.Worker.Transport;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Commands;

/// <summary>
/// my_chat_member: a user who blocks the bot loses every subscription and its queued messages stop;
/// unblocking makes the chat active again but does not resubscribe it.
/// </summary>
internal sealed partial class ChatMemberHandler(ChatStore chats, IBlockedChatHandler blocking, ILogger<ChatMemberHandler> logger)
{
    public async Task HandleAsync(ChatMemberChange change, CancellationToken ct)
    {
        if (change.ChatKind != ChatKind.Private)
        {
            return;
        }
        await chats.TouchAsync(change, ct);
        if (change.Blocked)
        {
            await blocking.OnChatBlockedAsync(change.ChatId, "user blocked the bot", ct);
            LogBlocked(change.ChatId);
        }
        else
        {
            LogUnblocked(change.ChatId);
        }
    }

    [LoggerMessage(LogLevel.Information, "Chat {ChatId} blocked the bot; subscriptions ended")]
    private partial void LogBlocked(long chatId);

    [LoggerMessage(LogLevel.Information, "Chat {ChatId} unblocked the bot; it stays unsubscribed until it subscribes again")]
    private partial void LogUnblocked(long chatId);
}
