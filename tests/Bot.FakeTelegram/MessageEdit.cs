namespace Bot.FakeTelegram;

// A successful editMessageText or editMessageReplyMarkup; Text is null for a markup-only edit.
public sealed record MessageEdit(
    string Method,
    long ChatId,
    int MessageId,
    string? Text,
    string? ParseMode,
    string? ReplyMarkupJson,
    long ReceivedTimestamp,
    DateTimeOffset ReceivedAt);
