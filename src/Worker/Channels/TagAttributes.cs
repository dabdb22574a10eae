using System.Net;
using System.Text.RegularExpressions;

namespace Bot.Worker.Channels;

/// <summary>The attributes of one opening tag as Telegram reads them; null when the tag is not well-formed (then it is text).</summary>
internal static partial class TagAttributes
{
    public static Dictionary<string, string>? Parse(string rawTag)
    {
        var shape = TagShape().Match(rawTag);
        if (!shape.Success)
        {
            return null;
        }
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in Attribute().Matches(shape.Groups["attrs"].Value))
        {
            attributes.TryAdd(m.Groups["name"].Value, m.Groups["value"].Success ? WebUtility.HtmlDecode(m.Groups["value"].Value) : "");
        }
        return attributes;
    }

    [GeneratedRegex(@"^<(?<name>[a-zA-Z][a-zA-Z0-9-]*)(?<attrs>(\s+[a-zA-Z-]+(\s*=\s*(""[^""<]*""|'[^'<]*'|[^\s""'<>]+))?)*)\s*/?>$")]
    private static partial Regex TagShape();

    [GeneratedRegex(@"(?<name>[a-zA-Z-]+)(\s*=\s*(""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>[^\s""'>]+)))?")]
    private static partial Regex Attribute();
}
