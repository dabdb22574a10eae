using Bot.Worker.Chats;
using Scriban;
using Scriban.Syntax;

namespace Bot.Worker.Templating;

/// <summary>
/// Chinese text takes full-width punctuation: an ASCII , : ! ? ; right after a Chinese character
/// ("截止时间:" for "截止时间：") reads as careless to a Chinese reader. An HTML tag between the two does
/// not hide it (a bold word, then ':'). Only a template's text is read, never its code in {{ }}
/// (ternaries, format strings); "17:00", URLs and command syntax do not follow a Chinese character.
/// </summary>
internal static class ChineseTypography
{
    private const string Ascii = ",:!?;";
    private const string FullWidth = "，：！？；";

    public static bool AppliesTo(string language) =>
        language is Languages.SimplifiedChinese or Languages.TraditionalChinese;

    /// <summary>The first ASCII mark after Chinese text in the template's text, with its line and column; null when there is none.</summary>
    public static TemplateProblem? FirstProblem(Template template, string source)
    {
        var marks = Texts(template.Page)
            .Select(t => FirstMark(source, Math.Max(0, t.Span.Start.Offset), Math.Min(source.Length, t.Span.End.Offset + 1)))
            .OfType<int>()
            .ToList();
        if (marks.Count == 0)
        {
            return null;
        }
        var at = marks.Min();
        var lineStart = at == 0 ? 0 : source.LastIndexOf('\n', at - 1) + 1;
        return new TemplateProblem(source.AsSpan(0, at).Count('\n') + 1, at - lineStart + 1, Message(source[at]));
    }

    /// <summary>Where in <paramref name="text"/> (plain text, such as a label) the first ASCII mark after Chinese text is; null when there is none.</summary>
    public static int? FirstMark(string text) => FirstMark(text, 0, text.Length);

    /// <summary>What to say about <paramref name="mark"/>: "ASCII ':' after Chinese text; use '：'".</summary>
    public static string Message(char mark) => $"ASCII '{mark}' after Chinese text; use '{FullWidth[Ascii.IndexOf(mark, StringComparison.Ordinal)]}'";

    private static int? FirstMark(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (Ascii.Contains(text[i], StringComparison.Ordinal) && FollowsChinese(text, start, i))
            {
                return i;
            }
        }
        return null;
    }

    private static bool FollowsChinese(string text, int start, int at)
    {
        var i = at - 1;
        while (i >= start && text[i] == '>')
        {
            var open = text.LastIndexOf('<', i);
            if (open < start)
            {
                return false;
            }
            i = open - 1;
        }
        return i >= start && IsChinese(text, i);
    }

    private static bool IsChinese(string text, int i)
    {
        var c = char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])
            ? char.ConvertToUtf32(text[i - 1], text[i])
            : text[i];
        return c is (>= 0x3000 and <= 0x303F) // CJK symbols and punctuation: 。、「」
            or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) // ideographs
            or (>= 0x20000 and <= 0x3FFFF) // ideographs outside the BMP
            or (>= 0xFF01 and <= 0xFF60) // full-width forms: （），
            or '“' or '”'; // zh-Hans quotes: “安全账户”
    }

    private static IEnumerable<ScriptRawStatement> Texts(ScriptNode? node)
    {
        if (node is null)
        {
            yield break;
        }
        if (node is ScriptRawStatement raw)
        {
            yield return raw;
        }
        for (var i = 0; i < node.ChildrenCount; i++)
        {
            foreach (var text in Texts(node.GetChildren(i)))
            {
                yield return text;
            }
        }
    }
}
