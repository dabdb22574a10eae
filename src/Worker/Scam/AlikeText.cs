using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Worker.Scam;

/// <summary>
/// The searchable form of a message for "reported alike": what the rules see (NFKC, Traditional folded), lower case,
/// with links, amounts, account ids and numbers each replaced by one placeholder character, and spacing, punctuation
/// and everything else that is not a letter dropped. Two copies of one scam script with other numbers, links and
/// names read almost the same in this form.
/// </summary>
internal static partial class AlikeText
{
    /// <summary>Placeholders (private-use characters, so no message can contain them after <see cref="Normalize"/>).</summary>
    public const char Link = '\uE010', Number = '\uE011', Amount = '\uE012', Handle = '\uE013';

    public static string Normalize(string text, TraditionalFold fold)
    {
        var s = ScamText.Prepare(text, fold).ToLowerInvariant();
        try
        {
            s = Links().Replace(s, Link.ToString());
            s = Amounts().Replace(s, Amount.ToString());
            s = Handles().Replace(s, Handle.ToString());
            s = Numbers().Replace(s, Number.ToString());
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological input: what is left still has its letters.
        }
        var kept = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsLetter(c) || c is >= Link and <= Handle)
            {
                kept.Append(c);
            }
        }
        return kept.ToString();
    }

    // A URL, or a bare host; only ASCII, so the Chinese text around a link is never taken for part of it.
    [GeneratedRegex(@"(?:https?|hxxps?)://[\x21-\x7e]+|(?<![a-z0-9@._-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,12}(?![a-z0-9-])(?:/[\x21-\x7e]*)?", RegexOptions.CultureInvariant, 100)]
    private static partial Regex Links();

    [GeneratedRegex(@"[¥$£€]\s?[0-9][0-9,.]*|[0-9][0-9,.]*\s?(?:万|千|百|亿)?\s?(?:元|块|美元|港币|英镑|欧元|rmb|usd|hkd|yuan)", RegexOptions.CultureInvariant, 100)]
    private static partial Regex Amounts();

    // QQ, WeChat or LINE ids and the like: a word of letters mixed with digits or underscores.
    [GeneratedRegex(@"[a-z0-9_]*(?:[0-9_][a-z]|[a-z][0-9_])[a-z0-9_]*", RegexOptions.CultureInvariant, 100)]
    private static partial Regex Handles();

    [GeneratedRegex(@"[0-9](?:[0-9\s\-.()+]*[0-9])?", RegexOptions.CultureInvariant, 100)]
    private static partial Regex Numbers();
}
