namespace Bot.Worker.Channels;

/// <summary>
/// Telegram HTML to DingTalk <c>markdown</c> messages (see <see cref="RobotMarkdown"/>; lines end with two spaces
/// so DingTalk keeps the breaks). The title is the first line as plain text. Text over 20,000 UTF-8 bytes is split;
/// each later part's title says which part it is: "Title (2/3)".
/// </summary>
internal static class DingTalkMarkdown
{
    public const int MaxBytes = 20_000;

    public static IReadOnlyList<DingTalkMarkdownMessage> Convert(string telegramHtml)
    {
        var lines = RichText.Parse(telegramHtml);
        var title = Titles.Of(lines);
        var parts = LinePacker.Pack(lines, MaxBytes, l => RobotMarkdown.Size(l, MarkdownDialect.DingTalk));
        return [.. parts.Select((part, i) => new DingTalkMarkdownMessage(Titles.Numbered(title, i, parts.Count), RobotMarkdown.Render(part, MarkdownDialect.DingTalk)))];
    }
}
