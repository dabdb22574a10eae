namespace Bot.Worker.Channels;

/// <summary>Where WeCom's and DingTalk's markdown differ.</summary>
/// <param name="GreySpoilers">Show a spoiler as <c>&lt;font color="comment"&gt;</c> (WeCom); otherwise as plain text.</param>
/// <param name="HardBreaks">End a line followed by another with two spaces, so the renderer keeps the break (DingTalk).</param>
internal sealed record MarkdownDialect(bool GreySpoilers, bool HardBreaks)
{
    public static readonly MarkdownDialect WeCom = new(GreySpoilers: true, HardBreaks: false);

    public static readonly MarkdownDialect DingTalk = new(GreySpoilers: false, HardBreaks: true);
}
