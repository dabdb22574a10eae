namespace Bot.Worker.Channels;

/// <summary>
/// Telegram HTML to the <c>content</c> of a WeCom robot's <c>markdown</c> message (see <see cref="RobotMarkdown"/>),
/// one string per message to post: WeCom refuses content over 4096 UTF-8 bytes, so longer ones are split.
/// </summary>
internal static class WeComMarkdown
{
    public const int MaxBytes = 4096;

    public static IReadOnlyList<string> Convert(string telegramHtml)
    {
        var lines = RichText.Parse(telegramHtml);
        return [.. LinePacker.Pack(lines, MaxBytes, l => RobotMarkdown.Size(l, MarkdownDialect.WeCom))
            .Select(part => RobotMarkdown.Render(part, MarkdownDialect.WeCom))];
    }
}
