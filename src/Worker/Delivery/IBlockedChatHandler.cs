namespace Bot.Worker.Delivery;

/// <summary>Told when a chat is gone for good (403, chat not found, or the user blocked the bot).</summary>
public interface IBlockedChatHandler
{
    /// <summary>Marks the chat blocked, stops its queued messages and ends its subscriptions, in one transaction; returns how many queued messages stopped.</summary>
    Task<int> OnChatBlockedAsync(long chatId, string reason, CancellationToken cancellationToken);
}
