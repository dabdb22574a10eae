namespace Bot.Worker.Delivery;

/// <summary>Told when Telegram says a chat is gone for good (403, chat not found).</summary>
public interface IBlockedChatHandler
{
    /// <summary>Ends the chat's subscriptions; the dispatcher has already stopped its queued rows.</summary>
    Task OnChatBlockedAsync(long chatId, string reason, CancellationToken cancellationToken);
}
