using System.Net;
using System.Text;

namespace Bot.Worker.Transport;

/// <summary>Telegram HTML helpers: escaping, tokenizing, visible length, plain-text fallback.</summary>
internal static class TelegramHtml
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        if (text.AsSpan().IndexOfAny("&<>\"") < 0)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>The text a reader sees: tags removed, entities decoded.</summary>
    public static string ToPlainText(string html)
    {
        var sb = new StringBuilder(html.Length);
        foreach (var token in Tokenize(html))
        {
            if (!token.IsTag)
            {
                sb.Append(token.Raw);
            }
        }
        return WebUtility.HtmlDecode(sb.ToString());
    }

    public static int VisibleLength(string html)
    {
        var total = 0;
        foreach (var token in Tokenize(html))
        {
            total += token.Visible;
        }
        return total;
    }

    /// <summary>Splits into tags and text runs; a text run ends after each newline. Lenient: a stray '&lt;' is text.</summary>
    public static List<HtmlToken> Tokenize(string html)
    {
        var tokens = new List<HtmlToken>();
        var i = 0;
        while (i < html.Length)
        {
            if (html[i] == '<')
            {
                var end = html.IndexOf('>', i);
                if (end > i + 1)
                {
                    var raw = html[i..(end + 1)];
                    var closing = raw[1] == '/';
                    var nameStart = closing ? 2 : 1;
                    var nameEnd = nameStart;
                    while (nameEnd < raw.Length && (char.IsAsciiLetterOrDigit(raw[nameEnd]) || raw[nameEnd] == '-'))
                    {
                        nameEnd++;
                    }
                    tokens.Add(new HtmlToken(raw, true, closing, raw[nameStart..nameEnd].ToLowerInvariant(), 0));
                    i = end + 1;
                    continue;
                }
            }
            var start = i;
            var visible = 0;
            while (i < html.Length && !(html[i] == '<' && i > start))
            {
                var unit = UnitLength(html, i, out var unitVisible);
                visible += unitVisible;
                i += unit;
                if (html[i - 1] == '\n')
                {
                    break;
                }
            }
            tokens.Add(new HtmlToken(html[start..i], false, false, "", visible));
        }
        return tokens;
    }

    /// <summary>Length in the source of the indivisible unit at <paramref name="i"/> (an entity, a surrogate pair or a char).</summary>
    public static int UnitLength(string text, int i, out int visible)
    {
        if (text[i] == '&')
        {
            var semicolon = text.IndexOf(';', i + 1, Math.Min(12, text.Length - i - 1));
            if (semicolon > i + 1)
            {
                var decoded = WebUtility.HtmlDecode(text[i..(semicolon + 1)]);
                visible = decoded.Length;
                return semicolon + 1 - i;
            }
        }
        if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            visible = 2;
            return 2;
        }
        visible = 1;
        return 1;
    }
}
