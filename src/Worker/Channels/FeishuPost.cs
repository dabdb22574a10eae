using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Worker.Channels;

/// <summary>
/// Telegram HTML to Feishu <c>post</c> rich text. The first line becomes the title (unless it holds a link, which
/// only the content can carry); every other line is a paragraph of <c>text</c> and <c>a</c> elements with Feishu's
/// styles (bold, italic, underline, lineThrough). Quotes start with "▎ "; pre lines and inline code are plain text
/// (a custom robot's post has no code style). Values need no markdown escaping here (the JSON carries them as they
/// are); <see cref="Mentions"/> still keeps @all from mentioning anyone. A request body over 20,000 bytes is split
/// (Feishu refuses bodies over 20 KB), each later part titled "Title (2/3)".
/// </summary>
internal static class FeishuPost
{
    public const int MaxBodyBytes = 20_000;

    /// <summary>What the request adds around the content: msg_type, timestamp, sign and the JSON punctuation, generously.</summary>
    private const int EnvelopeBytes = 200;

    public const string QuoteMark = "▎ ";

    public static IReadOnlyList<FeishuPostMessage> Convert(string telegramHtml)
    {
        var lines = RichText.Parse(telegramHtml).ToList();
        var first = lines.FindIndex(l => !l.IsBlank);
        var title = "";
        if (first >= 0 && lines[first].Block == RichBlock.Text && !lines[first].HasLink)
        {
            title = Titles.Of(lines);
            lines.RemoveRange(0, first + 1);
            while (lines.Count > 0 && lines[0].IsBlank)
            {
                lines.RemoveAt(0);
            }
        }
        var room = MaxBodyBytes - EnvelopeBytes - Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(title + " (99/99)", RobotJson.Options));
        var parts = LinePacker.Pack(lines, room, l => Encoding.UTF8.GetByteCount(Paragraph(l).ToJsonString(RobotJson.Options)) + 1);
        return [.. parts.Select((part, i) => new FeishuPostMessage(Titles.Numbered(title, i, parts.Count), [.. part.Select(Paragraph)]))];
    }

    public static JsonArray Paragraph(RichLine line)
    {
        var paragraph = new JsonArray();
        if (line.Block == RichBlock.Quote)
        {
            paragraph.Add(Text(QuoteMark, RichStyle.None));
        }
        if (line.Block == RichBlock.Code)
        {
            paragraph.Add(Text(line.Text, RichStyle.None));
            return paragraph;
        }
        foreach (var run in line.Runs)
        {
            var element = Text(run.Text, run.Style);
            if (run.Href is { } href)
            {
                element["tag"] = "a";
                element["href"] = href;
            }
            paragraph.Add(element);
        }
        if (paragraph.Count == 0)
        {
            paragraph.Add(Text("", RichStyle.None));
        }
        return paragraph;
    }

    private static JsonObject Text(string text, RichStyle style)
    {
        var element = new JsonObject { ["tag"] = "text", ["text"] = Mentions.Neutralize(text) };
        var styles = new JsonArray();
        foreach (var (flag, name) in Styles)
        {
            if ((style & flag) != 0)
            {
                styles.Add(name);
            }
        }
        if (styles.Count > 0)
        {
            element["style"] = styles;
        }
        return element;
    }

    private static readonly (RichStyle Flag, string Name)[] Styles =
        [(RichStyle.Bold, "bold"), (RichStyle.Italic, "italic"), (RichStyle.Underline, "underline"), (RichStyle.Strike, "lineThrough")];
}
