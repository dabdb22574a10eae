using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Bot.Worker.Transport;

namespace Bot.Worker.Web.Templates;

/// <summary>
/// Turns Telegram HTML into HTML a browser may show the way Telegram shows it. Only the tags Telegram knows
/// become elements, written afresh (no attribute is copied but a checked link and the classes below); every
/// other character, stray or unknown tags included, is escaped text; elements always nest and close.
/// </summary>
internal static partial class TelegramHtmlDisplay
{
    private static readonly string[] LinkSchemes = ["http", "https", "tg", "mailto"];

    public static string ToDisplay(string telegramHtml)
    {
        var sb = new StringBuilder(telegramHtml.Length + 64);
        var open = new List<(string Source, string Element)>();
        foreach (var token in TelegramHtml.Tokenize(telegramHtml))
        {
            if (token.IsTag && token.IsClosing && open.Count > 0 && open[^1].Source == token.TagName)
            {
                sb.Append("</").Append(open[^1].Element).Append('>');
                open.RemoveAt(open.Count - 1);
                continue;
            }
            if (token.IsTag && !token.IsClosing && Element(token) is { } element)
            {
                sb.Append(element.Open);
                open.Add((token.TagName, element.Name));
                continue;
            }
            sb.Append(TelegramHtml.Escape(DecodeText(token.Raw)));
        }
        for (var i = open.Count - 1; i >= 0; i--)
        {
            sb.Append("</").Append(open[i].Element).Append('>');
        }
        return sb.ToString();
    }

    /// <summary>The element a Telegram opening tag shows as, or null when Telegram does not accept it (then it is shown as text).</summary>
    private static (string Name, string Open)? Element(HtmlToken tag)
    {
        var shape = TagShape().Match(tag.Raw);
        if (!shape.Success)
        {
            return null;
        }
        var attributes = Attributes(shape.Groups["attrs"].Value);
        return tag.TagName switch
        {
            "b" or "strong" => ("b", "<b>"),
            "i" or "em" => ("i", "<i>"),
            "u" or "ins" => ("u", "<u>"),
            "s" or "strike" or "del" => ("s", "<s>"),
            "code" => ("code", "<code>"),
            "pre" => ("pre", "<pre>"),
            "tg-spoiler" => ("span", "<span class=\"tg-spoiler\">"),
            "span" when attributes.TryGetValue("class", out var css) && css.Split(' ').Contains("tg-spoiler") => ("span", "<span class=\"tg-spoiler\">"),
            "blockquote" => ("blockquote", attributes.ContainsKey("expandable") ? "<blockquote class=\"expandable\">" : "<blockquote>"),
            "a" => ("a", Link(attributes.GetValueOrDefault("href"))),
            "tg-emoji" => ("span", "<span class=\"tg-emoji\">"),
            _ => null,
        };
    }

    private static string Link(string? href) =>
        Uri.TryCreate(href, UriKind.Absolute, out var uri) && LinkSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase)
            ? $"<a href=\"{TelegramHtml.Escape(uri.OriginalString)}\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">"
            : "<a class=\"tg-bad-link\">";

    private static Dictionary<string, string> Attributes(string text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in Attribute().Matches(text))
        {
            attributes.TryAdd(m.Groups["name"].Value, m.Groups["value"].Success ? WebUtility.HtmlDecode(m.Groups["value"].Value) : "");
        }
        return attributes;
    }

    /// <summary>Decodes the entities Telegram accepts (&amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric ones); anything else stays as typed.</summary>
    private static string DecodeText(string raw) =>
        raw.Contains('&', StringComparison.Ordinal) ? Entity().Replace(raw, m => WebUtility.HtmlDecode(m.Value)) : raw;

    [GeneratedRegex(@"^<(?<name>[a-zA-Z][a-zA-Z0-9-]*)(?<attrs>(\s+[a-zA-Z-]+(\s*=\s*(""[^""<]*""|'[^'<]*'|[^\s""'<>]+))?)*)\s*>$")]
    private static partial Regex TagShape();

    [GeneratedRegex(@"(?<name>[a-zA-Z-]+)(\s*=\s*(""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>[^\s""'>]+)))?")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")]
    private static partial Regex Entity();
}
