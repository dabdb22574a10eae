using System.Text.RegularExpressions;

namespace Bot.Worker.Templating;

/// <summary>
/// Checks text against Telegram's HTML parse mode: only the tags Telegram knows, properly nested and
/// closed, and only the entities it accepts. Returns the first problem and where it is.
/// </summary>
internal static partial class TelegramHtmlValidator
{
    private static readonly HashSet<string> Tags =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji"];

    /// <summary>Null when valid, else the problem and its character offset.</summary>
    public static (string Message, int Offset)? Validate(string html)
    {
        var open = new Stack<(string Name, int Offset)>();
        for (var i = 0; i < html.Length; i++)
        {
            switch (html[i])
            {
                case '<':
                    var end = html.IndexOf('>', i);
                    if (end < 0)
                    {
                        return ("a '<' that starts no tag (write &lt;)", i);
                    }
                    var problem = Tag(html[(i + 1)..end], i, open);
                    if (problem is not null)
                    {
                        return (problem, i);
                    }
                    i = end;
                    break;
                case '&':
                    var entity = Entity().Match(html, i);
                    if (!entity.Success)
                    {
                        return ("a '&' that starts no entity (write &amp;)", i);
                    }
                    i += entity.Length - 1;
                    break;
            }
        }
        return open.Count > 0 ? ($"<{open.Peek().Name}> is never closed", open.Peek().Offset) : null;
    }

    private static string? Tag(string inner, int offset, Stack<(string Name, int Offset)> open)
    {
        var match = TagShape().Match(inner);
        if (!match.Success)
        {
            return $"'<{inner}>' is not a tag Telegram accepts";
        }
        var closing = match.Groups["close"].Success;
        var name = match.Groups["name"].Value.ToLowerInvariant();
        var attributes = match.Groups["attrs"].Value;
        if (!Tags.Contains(name))
        {
            return $"<{name}> is not one of Telegram's tags (b, i, u, s, code, pre, a, blockquote, tg-spoiler, ...)";
        }
        if (closing)
        {
            if (open.Count == 0 || open.Peek().Name != name)
            {
                return open.Count == 0 ? $"</{name}> closes nothing" : $"</{name}> closes <{open.Peek().Name}>";
            }
            open.Pop();
            return null;
        }
        var required = name switch
        {
            "a" => "href",
            "tg-emoji" => "emoji-id",
            "span" => "class",
            _ => null,
        };
        if (required is not null && !attributes.Contains(required + "=", StringComparison.OrdinalIgnoreCase))
        {
            return $"<{name}> needs a {required} attribute";
        }
        if (name == "span" && !attributes.Contains("tg-spoiler", StringComparison.Ordinal))
        {
            return "<span> is only allowed as <span class=\"tg-spoiler\">";
        }
        open.Push((name, offset));
        return null;
    }

    [GeneratedRegex(@"^(?<close>/)?(?<name>[a-zA-Z][a-zA-Z0-9-]*)(?<attrs>(\s+[a-zA-Z-]+(\s*=\s*(""[^""<]*""|'[^'<]*'|[^\s""'<>]+))?)*)\s*$")]
    private static partial Regex TagShape();

    [GeneratedRegex(@"\G&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")]
    private static partial Regex Entity();
}
