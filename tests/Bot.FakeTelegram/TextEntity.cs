namespace Bot.FakeTelegram;

// A message entity (bold, text_link, bot_command, ...) with offsets in UTF-16 code units like Telegram.
public sealed record TextEntity(string Type, int Offset, int Length)
{
    public string? Url { get; init; }

    public string? Language { get; init; }

    public string? CustomEmojiId { get; init; }
}
