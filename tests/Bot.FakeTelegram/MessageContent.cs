namespace Bot.FakeTelegram;

// The text of a message after parse_mode was applied.
internal sealed record MessageContent(string VisibleText, IReadOnlyList<TextEntity> Entities);
