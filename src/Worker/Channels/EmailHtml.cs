using System.Text;

namespace Bot.Worker.Channels;

/// <summary>
/// Telegram HTML to a self-contained HTML e-mail document: inline styles only (no stylesheet, no images, nothing
/// fetched), every character of the text escaped, elements written afresh (no attribute is copied but a checked
/// http, https or mailto link). Quotes become &lt;blockquote&gt;, pre blocks &lt;pre&gt;, lines &lt;br&gt;. Never split.
/// </summary>
internal static class EmailHtml
{
    private const string BodyStyle = "margin:0;padding:16px;font-family:-apple-system,'PingFang SC','Microsoft YaHei','Segoe UI',Arial,sans-serif;font-size:15px;line-height:1.6;color:#1f2328;background:#ffffff";
    private const string QuoteStyle = "margin:8px 0;padding:0 0 0 12px;border-left:3px solid #d0d7de;color:#57606a";
    private const string PreStyle = "margin:8px 0;padding:8px 12px;background:#f6f8fa;border-radius:4px;font-family:Consolas,Menlo,monospace;font-size:13px;white-space:pre-wrap";
    private const string CodeStyle = "padding:1px 4px;background:#f6f8fa;border-radius:3px;font-family:Consolas,Menlo,monospace;font-size:13px";
    private const string SpoilerStyle = "background:#d0d7de;color:#57606a";

    public static string Convert(string telegramHtml) => Convert(RichText.Parse(telegramHtml));

    /// <summary>The HTML document of lines already parsed (the composer parses a message once for all its parts).</summary>
    public static string Convert(IReadOnlyList<RichLine> lines)
    {
        var sb = new StringBuilder(1024);
        sb.Append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n<title>")
            .Append(Escape(Titles.Plain(lines)))
            .Append("</title>\n</head>\n<body style=\"").Append(BodyStyle).Append("\">\n");
        var i = 0;
        while (i < lines.Count)
        {
            var line = lines[i];
            var end = i + 1;
            while (line.Block != RichBlock.Text && end < lines.Count && lines[end].Block == line.Block && lines[end].BlockId == line.BlockId)
            {
                end++;
            }
            if (line.Block == RichBlock.Code)
            {
                sb.Append("<pre style=\"").Append(PreStyle).Append("\">")
                    .AppendJoin('\n', lines.Take(end).Skip(i).Select(l => Escape(l.Text))).Append("</pre>\n");
            }
            else if (line.Block == RichBlock.Quote)
            {
                sb.Append("<blockquote style=\"").Append(QuoteStyle).Append("\">")
                    .AppendJoin("<br>\n", lines.Take(end).Skip(i).Select(RenderLine)).Append("</blockquote>\n");
            }
            else
            {
                sb.Append(RenderLine(line)).Append(end < lines.Count && lines[end].Block == RichBlock.Text ? "<br>\n" : "\n");
            }
            i = end;
        }
        return sb.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>Escapes text for an element or a double-quoted attribute.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    private static string RenderLine(RichLine line)
    {
        var sb = new StringBuilder();
        foreach (var run in line.Runs)
        {
            sb.Append(RenderRun(run, sb.Length == 0));
        }
        return sb.ToString();
    }

    private static string RenderRun(RichRun run, bool lineStart)
    {
        var text = Escape(run.Text);
        if (lineStart)
        {
            // Leading spaces would collapse; keep the indentation a template gave.
            var indent = text.Length - text.TrimStart(' ').Length;
            text = string.Concat(Enumerable.Repeat("&nbsp;", indent)) + text[indent..];
        }
        text = Wrap(text, run, RichStyle.Code, $"<code style=\"{CodeStyle}\">", "</code>");
        text = Wrap(text, run, RichStyle.Spoiler, $"<span style=\"{SpoilerStyle}\">", "</span>");
        text = Wrap(text, run, RichStyle.Strike, "<s>", "</s>");
        text = Wrap(text, run, RichStyle.Underline, "<u>", "</u>");
        text = Wrap(text, run, RichStyle.Italic, "<em>", "</em>");
        text = Wrap(text, run, RichStyle.Bold, "<strong>", "</strong>");
        return run.Href is { } href ? $"<a href=\"{Escape(href)}\">{text}</a>" : text;
    }

    private static string Wrap(string text, RichRun run, RichStyle style, string open, string close) =>
        run.Has(style) ? open + text + close : text;
}
