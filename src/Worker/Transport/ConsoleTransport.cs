namespace Bot.Worker.Transport;

/// <summary>Console mode (no token): outgoing messages are printed.</summary>
internal sealed class ConsoleTransport(ConsoleSession session) : IBotTransport
{
    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        session.Print(message, out var messageId);
        return Task.FromResult(SendResult.Sent(messageId));
    }

    public Task AnswerCallbackAsync(string callbackId, string? text, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(text))
        {
            session.PrintLine($"   ({text})");
        }
        return Task.CompletedTask;
    }

    public Task EditButtonsAsync(long chatId, int messageId, IReadOnlyList<IReadOnlyList<InlineButton>>? buttons, CancellationToken cancellationToken)
    {
        session.ReplaceButtons(messageId, buttons);
        return Task.CompletedTask;
    }

    public Task<BotIdentity> GetIdentityAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new BotIdentity(0, "", ""));

    public Task SetCommandMenusAsync(IReadOnlyList<CommandMenu> menus, CancellationToken cancellationToken) => Task.CompletedTask;
}
