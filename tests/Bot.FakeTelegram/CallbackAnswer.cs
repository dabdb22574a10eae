namespace Bot.FakeTelegram;

public sealed record CallbackAnswer(
    string CallbackQueryId,
    string? Text,
    bool ShowAlert,
    long ReceivedTimestamp,
    DateTimeOffset ReceivedAt);
