namespace Bot.Worker.Channels;

/// <summary>The inline styles of Telegram HTML a channel may keep or drop.</summary>
[Flags]
internal enum RichStyle
{
    None = 0,
    Bold = 1,
    Italic = 2,
    Underline = 4,
    Strike = 8,
    Code = 16,
    Spoiler = 32,
}
