using System.Text;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Bot.Worker.Scam;

/// <summary>
/// What a rule's number placeholders stand for (scam-signs.yaml): <c>{foreign-number}</c>, a number libphonenumber
/// places in a region outside <c>home_regions</c>, and <c>{plus86-number}</c>, a valid mainland number written with
/// +86 or 0086. Only a number written with an international prefix can be either, so only those are parsed (default
/// region CN); in the copy of the text that rules with placeholders see, each is replaced by one marker character.
/// </summary>
internal static partial class NumberTags
{
    public const char Foreign = '\uE000', Plus86 = '\uE001';

    /// <summary>The placeholders a pattern may use, and the marker each stands for.</summary>
    public static readonly IReadOnlyDictionary<string, char> Placeholders = new Dictionary<string, char>(StringComparer.Ordinal)
    {
        ["{foreign-number}"] = Foreign,
        ["{plus86-number}"] = Plus86,
    };

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The text with each foreign or +86 number replaced by its marker (markers already in the text become U+FFFD).</summary>
    public static string Apply(string text, IReadOnlySet<string> homeRegions)
    {
        var clean = text.AsSpan().IndexOfAny(Foreign, Plus86) >= 0 ? text.Replace(Foreign, '\uFFFD').Replace(Plus86, '\uFFFD') : text;
        if (clean.IndexOf('+') < 0 && !clean.Contains("00", StringComparison.Ordinal))
        {
            return clean;
        }
        StringBuilder? tagged = null;
        var copied = 0;
        try
        {
            foreach (Match m in International().Matches(clean))
            {
                if (Classify(m.Value, homeRegions) is not { } marker)
                {
                    continue;
                }
                tagged ??= new StringBuilder(clean.Length);
                tagged.Append(clean, copied, m.Index - copied).Append(marker);
                copied = m.Index + m.Length;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological input: keep what was tagged so far.
        }
        return tagged is null ? clean : tagged.Append(clean, copied, clean.Length - copied).ToString();
    }

    /// <summary>The marker for one number written with + or 00, or null when it is neither foreign nor a valid +86 number.</summary>
    public static char? Classify(string written, IReadOnlySet<string> homeRegions)
    {
        PhoneNumber number;
        try
        {
            number = Util.Parse(written, "CN");
        }
        catch (NumberParseException)
        {
            return null;
        }
        if (number.CountryCode == 86)
        {
            return Util.IsValidNumber(number) ? Plus86 : null;
        }
        // A number from abroad only needs a plausible length: a scam's number need not be in a range the metadata knows.
        if (!Util.IsPossibleNumber(number))
        {
            return null;
        }
        var region = Util.GetRegionCodeForNumber(number) ?? Util.GetRegionCodeForCountryCode(number.CountryCode);
        return homeRegions.Contains(region) ? null : Foreign;
    }

    /// <summary>True when libphonenumber knows the region code (CN, HK, US...).</summary>
    public static bool IsRegion(string code) => Util.GetSupportedRegions().Contains(code);

    [GeneratedRegex(@"(?<![0-9A-Za-z+])(?:\+|00)\s?[1-9][0-9]{0,3}(?:[\s\-.()]{0,2}[0-9]){5,14}(?![0-9])", RegexOptions.None, 100)]
    private static partial Regex International();
}
