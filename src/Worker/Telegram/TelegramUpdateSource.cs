using System.Runtime.CompilerServices;
using Bot.Worker.Configuration;
using Bot.Worker.Telegram.Webhook;
using Bot.Worker.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Bot.Worker.Telegram;

/// <summary>
/// Long-polls getUpdates, after deleting any webhook (Telegram refuses getUpdates while one is set), and maps each
/// Telegram update to the bot's own update records (<see cref="Map"/>, which the webhook uses too); anything else
/// (stickers, photos, edits) maps to null and is ignored. A forwarded text arrives as a text message marked Forwarded.
/// The offset confirms an update only on the next call, after the update was handled, so a crash in between delivers
/// it again (replies are keyed by update, so not twice).
/// </summary>
internal sealed partial class TelegramUpdateSource(
    ITelegramBotClient bot, WebhookRegistration webhook, IOptions<TelegramOptions> options, TimeProvider clock, ILogger<TelegramUpdateSource> logger) : IUpdateSource
{
    public async IAsyncEnumerable<IncomingUpdate> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await webhook.DeleteAsync(cancellationToken);
        int? offset = null;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                updates = await bot.GetUpdates(offset, 100, options.Value.PollTimeoutSeconds, Wanted, cancellationToken);
                failures = 0;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                failures++;
                var wait = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures)));
                if (ex is ApiRequestException { ErrorCode: 409 })
                {
                    LogConflict(wait.TotalSeconds);
                }
                else
                {
                    LogPollFailed(ex, wait.TotalSeconds);
                }
                await Task.Delay(wait, clock, cancellationToken);
                continue;
            }
            foreach (var update in updates)
            {
                offset = update.Id + 1;
                if (Map(update) is { } mapped)
                {
                    yield return mapped;
                }
            }
        }
    }

    /// <summary>The update kinds the bot handles: allowed_updates of getUpdates and setWebhook.</summary>
    public static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.EditedMessage, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    public static IncomingUpdate? Map(Update update) => update switch
    {
        { Message: { Text: { } text, From: { } from } message } =>
            new IncomingMessage($"tg:m:{message.Chat.Id}:{message.MessageId}", message.Chat.Id, Kind(message.Chat.Type), User(from), message.MessageId, text)
            {
                Forwarded = message.ForwardOrigin is not null,
                ReplyToText = message.ReplyToMessage is { } replied ? replied.Text ?? replied.Caption : null,
            },
        { CallbackQuery: { Message: { } message, Data: { } data } query } =>
            new IncomingCallback($"tg:c:{query.Id}", message.Chat.Id, Kind(message.Chat.Type), User(query.From), query.Id, message.MessageId, data),
        { MyChatMember: { } member } when member.Chat.Type == ChatType.Private =>
            new ChatMemberChange($"tg:u:{update.Id}", member.Chat.Id, ChatKind.Private, User(member.From),
                member.NewChatMember.Status is ChatMemberStatus.Kicked or ChatMemberStatus.Left),
        _ => null,
    };

    private static ChatKind Kind(ChatType type) => type == ChatType.Private ? ChatKind.Private : ChatKind.Group;

    private static UserRef User(User user) => new(user.Id, user.FirstName, user.Username, user.LanguageCode);

    [LoggerMessage(LogLevel.Warning, "getUpdates: 409 Conflict, another poller or a webhook is using this token; retrying in {Seconds}s")]
    private partial void LogConflict(double seconds);

    [LoggerMessage(LogLevel.Warning, "getUpdates failed; retrying in {Seconds}s")]
    private partial void LogPollFailed(Exception ex, double seconds);
}
