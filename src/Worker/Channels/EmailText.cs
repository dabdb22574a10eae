using System.Text;

namespace Bot.Worker.Channels;

/// <summary>
/// Telegram HTML to the plain-text part of an e-mail: the text a reader sees, a link as "text (url)" (just the
/// URL or address when the text is that already), quotes as "&gt; " lines. Also the subject: the first line. Never split.
/// </summary>
internal static class EmailText
{
    public static string Subject(string telegramHtml) => Titles.Plain(RichText.Parse(telegramHtml));

    public static string Convert(string telegramHtml) => Convert(RichText.Parse(telegramHtml));

    /// <summary>The plain text of lines already parsed (the composer parses a message once for all its parts).</summary>
    public static string Convert(IReadOnlyList<RichLine> lines)
    {
        var sb = new StringBuilder(256);
        foreach (var line in lines)
        {
            if (line.Block == RichBlock.Quote)
            {
                sb.Append(line.IsBlank ? ">" : "> ");
            }
            foreach (var run in line.Runs)
            {
                sb.Append(run.Href is { } href ? Link(run.Text, href) : run.Text);
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Link(string text, string href)
    {
        var shown = text.Trim();
        var target = href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? Uri.UnescapeDataString(href["mailto:".Length..]) : href;
        if (shown.Length == 0)
        {
            return target;
        }
        return shown == target || shown == target.TrimEnd('/') || shown == href ? text : $"{text} ({target})";
    }
}
