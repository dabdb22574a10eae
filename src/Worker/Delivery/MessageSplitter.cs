using System.Text;
using Bot.Worker.Transport;

namespace Bot.Worker.Delivery;

/// <summary>
/// Splits Telegram HTML longer than the visible-length limit at paragraph or line boundaries.
/// Tags open across a cut are closed at the end of one part and reopened at the start of the next,
/// so every part is well-formed; a cut never falls inside a tag or an entity.
/// </summary>
internal static class MessageSplitter
{
    public const int TelegramLimit = 4096;

    public static IReadOnlyList<string> Split(string html, int limit = TelegramLimit)
    {
        var tokens = TelegramHtml.Tokenize(html);
        if (tokens.Sum(t => t.Visible) <= limit)
        {
            return [html];
        }
        var lines = ToLines(tokens);
        var parts = new List<string>();
        var open = new List<HtmlToken>();
        var a = 0;
        while (a < lines.Count)
        {
            if (lines[a].Visible > limit)
            {
                SplitLongLine(lines[a].Tokens, limit, open, parts);
                a++;
                continue;
            }
            var b = a;
            var sum = lines[a].Visible;
            while (b + 1 < lines.Count && sum + lines[b + 1].Visible <= limit)
            {
                sum += lines[++b].Visible;
            }
            if (b + 1 < lines.Count)
            {
                b = PreferParagraphEnd(lines, a, b, limit);
            }
            var chunk = new StringBuilder();
            AppendOpen(chunk, open);
            for (var i = a; i <= b; i++)
            {
                foreach (var token in lines[i].Tokens)
                {
                    chunk.Append(token.Raw);
                    Track(open, token);
                }
            }
            AppendClose(chunk, open);
            parts.Add(TrimTrailingNewlines(chunk.ToString()));
            a = b + 1;
        }
        return parts;
    }

    private static int PreferParagraphEnd(List<Line> lines, int a, int b, int limit)
    {
        var sum = 0;
        var best = b;
        for (var i = a; i < b; i++)
        {
            sum += lines[i].Visible;
            if (lines[i + 1].IsBlank && sum >= limit / 2)
            {
                best = i + 1;
            }
        }
        return best;
    }

    private static void SplitLongLine(List<HtmlToken> tokens, int limit, List<HtmlToken> open, List<string> parts)
    {
        var chunk = new StringBuilder();
        AppendOpen(chunk, open);
        var used = 0;
        foreach (var token in tokens)
        {
            if (token.IsTag)
            {
                chunk.Append(token.Raw);
                Track(open, token);
                continue;
            }
            var i = 0;
            while (i < token.Raw.Length)
            {
                var unit = TelegramHtml.UnitLength(token.Raw, i, out var visible);
                if (used + visible > limit)
                {
                    AppendClose(chunk, open);
                    parts.Add(chunk.ToString());
                    chunk.Clear();
                    AppendOpen(chunk, open);
                    used = 0;
                }
                chunk.Append(token.Raw, i, unit);
                used += visible;
                i += unit;
            }
        }
        AppendClose(chunk, open);
        parts.Add(TrimTrailingNewlines(chunk.ToString()));
    }

    private static void Track(List<HtmlToken> open, HtmlToken token)
    {
        if (!token.IsTag)
        {
            return;
        }
        if (!token.IsClosing)
        {
            open.Add(token);
            return;
        }
        var index = open.FindLastIndex(t => t.TagName == token.TagName);
        if (index >= 0)
        {
            open.RemoveAt(index);
        }
    }

    private static void AppendOpen(StringBuilder sb, List<HtmlToken> open)
    {
        foreach (var tag in open)
        {
            sb.Append(tag.Raw);
        }
    }

    private static void AppendClose(StringBuilder sb, List<HtmlToken> open)
    {
        for (var i = open.Count - 1; i >= 0; i--)
        {
            sb.Append("</").Append(open[i].TagName).Append('>');
        }
    }

    private static string TrimTrailingNewlines(string part)
    {
        var trimmed = part.TrimEnd('\n');
        return trimmed.Length == 0 ? part : trimmed;
    }

    private static List<Line> ToLines(List<HtmlToken> tokens)
    {
        var lines = new List<Line>();
        var current = new List<HtmlToken>();
        var visible = 0;
        foreach (var token in tokens)
        {
            current.Add(token);
            visible += token.Visible;
            if (token.EndsLine)
            {
                lines.Add(new Line(current, visible));
                current = [];
                visible = 0;
            }
        }
        if (current.Count > 0)
        {
            lines.Add(new Line(current, visible));
        }
        return lines;
    }

    private sealed record Line(List<HtmlToken> Tokens, int Visible)
    {
        public bool IsBlank => Tokens.All(t => t.IsTag || t.Raw.Trim().Length == 0);
    }
}
