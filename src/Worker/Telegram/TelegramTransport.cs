using Bot.Worker.Transport;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Bot.Worker.Telegram;

/// <summary>The Bot API through Telegram.Bot. Telegram's errors become results the dispatcher acts on.</summary>
internal sealed class TelegramTransport(ITelegramBotClient bot) : IBotTransport
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        // A network timeout is wall-clock time, not the bot's schedule clock: with a test's fake clock
        // moved forward, a request still on the wire must not be cancelled (and sent again).
        using var timeout = new CancellationTokenSource(SendTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var sent = await bot.SendMessage(
                message.ChatId,
                message.Text,
                parseMode: message.Html ? ParseMode.Html : ParseMode.None,
                replyMarkup: Markup(message.Buttons),
                linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true },
                allowPaidBroadcast: message.Paid,
                cancellationToken: linked.Token);
            return SendResult.Sent(sent.MessageId);
        }
        catch (ApiRequestException ex)
        {
            return TelegramErrors.Classify(ex);
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The message may or may not have reached Telegram; a retry may repeat it once.
            return SendResult.Failed(SendOutcome.Transient, ex.GetType().Name + ": " + ex.Message);
        }
    }

    public async Task AnswerCallbackAsync(string callbackId, string? text, CancellationToken cancellationToken)
    {
        try
        {
            await bot.AnswerCallbackQuery(callbackId, text, cancellationToken: cancellationToken);
        }
        catch (ApiRequestException)
        {
            // Too late (the query expired): the press was handled anyway.
        }
    }

    public Task EditButtonsAsync(long chatId, int messageId, IReadOnlyList<IReadOnlyList<InlineButton>>? buttons, CancellationToken cancellationToken) =>
        bot.EditMessageReplyMarkup(chatId, messageId, Markup(buttons), cancellationToken: cancellationToken);

    public async Task<BotIdentity> GetIdentityAsync(CancellationToken cancellationToken)
    {
        var me = await bot.GetMe(cancellationToken);
        return new BotIdentity(me.Id, me.FirstName, me.Username ?? "");
    }

    public async Task SetCommandMenusAsync(IReadOnlyList<CommandMenu> menus, CancellationToken cancellationToken)
    {
        foreach (var menu in menus)
        {
            BotCommandScope scope = menu.ChatId is { } chat ? BotCommandScope.Chat(chat) : BotCommandScope.Default();
            var commands = menu.Commands.Select(c => new BotCommand(c.Key, c.Value));
            await bot.SetMyCommands(commands, scope, menu.LanguageCode, cancellationToken);
        }
    }

    private static InlineKeyboardMarkup? Markup(IReadOnlyList<IReadOnlyList<InlineButton>>? rows) =>
        rows is null || rows.Count == 0
            ? null
            : new InlineKeyboardMarkup(rows.Select(r => r.Select(b => InlineKeyboardButton.WithCallbackData(b.Text, b.Data))));
}
