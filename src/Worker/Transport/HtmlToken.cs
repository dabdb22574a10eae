namespace Bot.Worker.Transport;

/// <summary>
/// A piece of Telegram HTML: a tag, or a run of text that ends at a newline. <see cref="Visible"/>
/// is the text's length after entity parsing (what Telegram counts against 4096).
/// </summary>
internal readonly record struct HtmlToken(string Raw, bool IsTag, bool IsClosing, string TagName, int Visible)
{
    public bool EndsLine => !IsTag && Raw.EndsWith('\n');
}
