using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Worker.Channels;

/// <summary>
/// Renders lines as the markdown of WeCom and DingTalk robots: bold <c>**</c>, italic <c>*</c>, links
/// <c>[text](url)</c>, inline code, quotes <c>&gt; </c>. Underline, strike-through and pre blocks become plain text
/// (neither app has them). Every value is escaped: a backslash before <c>\ * _ ` [ ] ~</c>, a zero-width space after
/// "&lt;" (no HTML tag, no &lt;font&gt;, no &lt;@userid&gt;) and after "&amp;" that starts an entity, a zero-width space
/// before a line that would start a heading, quote or list, no-break spaces for leading spaces (no indented code), and
/// <see cref="Mentions"/>.
/// </summary>
internal static partial class RobotMarkdown
{
    private const char Zwsp = Mentions.ZeroWidthSpace;

    public static string Render(IReadOnlyList<RichLine> lines, MarkdownDialect dialect)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            sb.Append(RenderLine(lines[i], dialect));
            if (i + 1 < lines.Count)
            {
                sb.Append(Separator(lines[i], lines[i + 1], dialect));
            }
        }
        return sb.ToString();
    }

    /// <summary>The UTF-8 size of a line with the longest separator that can follow it.</summary>
    public static int Size(RichLine line, MarkdownDialect dialect) => Encoding.UTF8.GetByteCount(RenderLine(line, dialect)) + 3;

    public static string RenderLine(RichLine line, MarkdownDialect dialect)
    {
        var content = line.Block == RichBlock.Code ? Escape(line.Text) : RenderRuns(line.Runs, dialect);
        content = GuardLineStart(content);
        return line.Block == RichBlock.Quote ? (content.Length == 0 ? ">" : "> " + content) : content;
    }

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' or '*' or '_' or '`' or '[' or ']' or '~':
                    sb.Append('\\').Append(c);
                    break;
                case '<':
                    sb.Append(c).Append(Zwsp);
                    break;
                case '&' when i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] == '#'):
                    sb.Append(c).Append(Zwsp);
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        return Mentions.Neutralize(sb.ToString());
    }

    private static string Separator(RichLine line, RichLine next, MarkdownDialect dialect) =>
        dialect.HardBreaks && !line.IsBlank && !next.IsBlank ? "  \n" : "\n";

    private static string RenderRuns(IReadOnlyList<RichRun> runs, MarkdownDialect dialect)
    {
        var sb = new StringBuilder();
        foreach (var bold in Groups(runs, RichStyle.Bold))
        {
            var inner = new StringBuilder();
            foreach (var italic in Groups(bold, RichStyle.Italic))
            {
                var text = string.Concat(italic.Select(r => RenderRun(r, dialect)));
                inner.Append(italic[0].Has(RichStyle.Italic) ? Wrap(text, "*") : text);
            }
            sb.Append(bold[0].Has(RichStyle.Bold) ? Wrap(inner.ToString(), "**") : inner.ToString());
        }
        return sb.ToString();
    }

    private static string RenderRun(RichRun run, MarkdownDialect dialect)
    {
        var text = run.Has(RichStyle.Code) ? CodeSpan(run.Text) : Escape(run.Text);
        if (run.Has(RichStyle.Spoiler) && dialect.GreySpoilers && text.Trim().Length > 0)
        {
            text = "<font color=\"comment\">" + text + "</font>";
        }
        if (run.Href is { } href)
        {
            var url = href.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal);
            text = "[" + (text.Trim().Length > 0 ? text : Escape(href)) + "](" + url + ")";
        }
        return text;
    }

    /// <summary>Inline code keeps its characters (a code span shows backslashes); one with a backtick or a newline is escaped text instead.</summary>
    private static string CodeSpan(string text) =>
        text.Trim().Length == 0 || text.Contains('`', StringComparison.Ordinal)
            ? Escape(text)
            : "`" + Mentions.Neutralize(text.Replace("<", "<\u200B", StringComparison.Ordinal)) + "`";

    /// <summary>Markers hug the text: spaces at either end go outside, or the renderer would not see the emphasis.</summary>
    private static string Wrap(string text, string marker)
    {
        var core = text.Trim();
        if (core.Length == 0)
        {
            return text;
        }
        var lead = text[..(text.Length - text.TrimStart().Length)];
        var trail = text[text.TrimEnd().Length..];
        return lead + marker + core + marker + trail;
    }

    private static List<List<RichRun>> Groups(IEnumerable<RichRun> runs, RichStyle style)
    {
        var groups = new List<List<RichRun>>();
        foreach (var run in runs)
        {
            if (groups.Count == 0 || groups[^1][0].Has(style) != run.Has(style))
            {
                groups.Add([]);
            }
            groups[^1].Add(run);
        }
        return groups;
    }

    private static string GuardLineStart(string content)
    {
        var indent = content.Length - content.TrimStart(' ').Length;
        var rest = content[indent..];
        var guarded = BlockStart().IsMatch(rest) ? Zwsp + rest : rest;
        return new string('\u00A0', indent) + guarded;
    }

    // What would start a heading, quote, list, table or setext underline at the start of a line.
    [GeneratedRegex(@"^([#>+\-=|]|[0-9]+[.)])")]
    private static partial Regex BlockStart();
}
