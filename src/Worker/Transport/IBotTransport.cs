namespace Bot.Worker.Transport;

/// <summary>
/// The outgoing side of a chat network. Telegram is one implementation, the console another.
/// Only the dispatcher sends messages; handlers answer button presses and edit buttons directly
/// because Telegram expects those within seconds.
/// </summary>
public interface IBotTransport
{
    /// <summary>Sends one message; never throws for Telegram errors, which become the result.</summary>
    Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken);

    /// <summary>Stops the button's spinner, optionally with a short toast.</summary>
    Task AnswerCallbackAsync(string callbackId, string? text, CancellationToken cancellationToken);

    /// <summary>Replaces the inline buttons under a sent message.</summary>
    Task EditButtonsAsync(long chatId, int messageId, IReadOnlyList<IReadOnlyList<InlineButton>>? buttons, CancellationToken cancellationToken);

    /// <summary>Who the bot is (getMe).</summary>
    Task<BotIdentity> GetIdentityAsync(CancellationToken cancellationToken);

    /// <summary>Registers the "/" command menus (setMyCommands).</summary>
    Task SetCommandMenusAsync(IReadOnlyList<CommandMenu> menus, CancellationToken cancellationToken);
}
