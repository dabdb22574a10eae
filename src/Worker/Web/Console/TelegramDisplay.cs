using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Bot.Worker.Templating;
using Microsoft.AspNetCore.Html;

namespace Bot.Worker.Web.Console;

/// <summary>
/// Telegram HTML as a console page shows it, safely: bold, italic and http(s)/tg links become the same tags
/// (a link opens in a new tab, without referrer); every other tag is dropped with its text kept; all text is
/// decoded and then encoded again, so nothing from a message reaches the page as markup. Newlines are kept
/// (the container has white-space: pre-wrap).
/// </summary>
internal static partial class TelegramDisplay
{
    public static IHtmlContent ToSafeHtml(string telegramHtml)
    {
        var sb = new StringBuilder(telegramHtml.Length + 32);
        var open = new Stack<string>();
        foreach (var token in TelegramHtml.Tokenize(telegramHtml))
        {
            if (!token.IsTag)
            {
                sb.Append(WebUtility.HtmlEncode(WebUtility.HtmlDecode(token.Raw)));
                continue;
            }
            var tag = token.TagName switch
            {
                "b" or "strong" => "b",
                "i" or "em" => "i",
                "a" => "a",
                _ => null,
            };
            if (tag is null)
            {
                continue;
            }
            if (token.IsClosing)
            {
                // Only a tag this method opened is closed, so the output stays balanced whatever came in.
                if (open.Count > 0 && open.Peek() == tag)
                {
                    sb.Append("</").Append(open.Pop()).Append('>');
                }
                continue;
            }
            if (tag == "a")
            {
                if (Href(token.Raw) is not { } href)
                {
                    continue;
                }
                sb.Append("<a href=\"").Append(WebUtility.HtmlEncode(href)).Append("\" rel=\"noopener noreferrer\" target=\"_blank\">");
            }
            else
            {
                sb.Append('<').Append(tag).Append('>');
            }
            open.Push(tag);
        }
        while (open.Count > 0)
        {
            sb.Append("</").Append(open.Pop()).Append('>');
        }
        return new HtmlString(sb.ToString());
    }

    /// <summary>The link's target if it is http, https or tg; anything else (javascript:, data:) is no link.</summary>
    private static string? Href(string tag)
    {
        var match = HrefPattern().Match(tag);
        if (!match.Success)
        {
            return null;
        }
        var href = WebUtility.HtmlDecode(match.Groups["v"].Value).Trim();
        return Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "tg" ? href : null;
    }

    [GeneratedRegex("""\shref\s*=\s*(?:"(?<v>[^"]*)"|'(?<v>[^']*)')""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HrefPattern();
}
