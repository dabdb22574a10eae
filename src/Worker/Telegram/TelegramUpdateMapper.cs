using Bot.Worker.Transport;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Bot.Worker.Telegram;

/// <summary>Telegram updates to the bot's own update records; anything else (stickers, photos, edits) maps to null and is ignored. A forwarded text arrives as a text message marked Forwarded.</summary>
internal static class TelegramUpdateMapper
{
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
}
