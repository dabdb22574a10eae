using System.Text.RegularExpressions;
using Bot.Worker.Chats;
using Bot.Worker.Configuration;
using YamlDotNet.RepresentationModel;

namespace Bot.Worker.Scam;

/// <summary>
/// One entry of <c>signs:</c>. Patterns are .NET regexes, case-insensitive, without numbered captures;
/// Chinese ones are folded to Simplified like the input. <c>zh-Hant: fold</c> declares that the
/// zh-Hans patterns cover Traditional text through the fold. <c>{foreign-number}</c> and <c>{plus86-number}</c>
/// stand for numbers libphonenumber classified (<see cref="NumberTags"/>); another <c>{word}</c> is refused.
/// </summary>
internal sealed class ScamSignParser(YamlNodeReader yaml, TraditionalFold fold, TimeSpan timeout, IReadOnlySet<string>? tips)
{
    public const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private static readonly string[] Detectors = ["shortener", "look-alike"];

    public ScamSign Parse(YamlMappingNode map, string field)
    {
        yaml.OnlyKeys(map, field, "id", "family", "weight", "tip", "patterns", "detector", "explain");
        var id = yaml.RequiredString(map, "id", field);
        if (!Regex.IsMatch(id, "^[a-z0-9-]{1,64}$", RegexOptions.None, timeout))
        {
            throw yaml.Error(YamlNodeReader.Child(map, "id"), $"{field}.id", $"'{id}' may only have lower-case letters, digits and '-'");
        }
        var family = yaml.RequiredString(map, "family", field);
        if (!ScamFamilies.All.Contains(family))
        {
            throw yaml.Error(YamlNodeReader.Child(map, "family"), $"{field}.family", $"unknown family '{family}' (expected one of {string.Join(", ", ScamFamilies.All)})");
        }
        var weight = ScamYaml.Int(yaml, map, "weight", field, -100, 100);
        var tip = yaml.RequiredString(map, "tip", field);
        if (tips is not null && !tips.Contains(tip))
        {
            throw yaml.Error(YamlNodeReader.Child(map, "tip"), $"{field}.tip", $"no tip '{tip}' in tips.yaml");
        }
        var detector = Detector(map, field);
        var hasPatterns = YamlNodeReader.Child(map, "patterns") is not null;
        if (hasPatterns == (detector != LinkDetector.None))
        {
            throw yaml.Error(map, field, "needs exactly one of patterns (per language) or detector (shortener, look-alike)");
        }
        var tagged = false;
        var pattern = hasPatterns ? Patterns(map, field, ref tagged) : null;
        var explanation = ScamYaml.PerLanguage(yaml, map, "explain", field);
        return new ScamSign(id, family, weight, tip, pattern, detector, explanation, tagged);
    }

    private LinkDetector Detector(YamlMappingNode map, string field) => yaml.OptionalString(map, "detector", field) switch
    {
        null => LinkDetector.None,
        "shortener" => LinkDetector.Shortener,
        "look-alike" => LinkDetector.LookAlike,
        var other => throw yaml.Error(YamlNodeReader.Child(map, "detector"), $"{field}.detector", $"unknown detector '{other}' (expected {string.Join(" or ", Detectors)})"),
    };

    /// <summary>All languages' patterns in one alternation, compiled once with the match timeout.</summary>
    private Regex Patterns(YamlMappingNode map, string field, ref bool tagged)
    {
        var patterns = ScamYaml.Map(yaml, map, "patterns", field);
        yaml.OnlyKeys(patterns, $"{field}.patterns", [.. Languages.All]);
        var all = new List<string>();
        foreach (var language in Languages.All)
        {
            var at = $"{field}.patterns.{language}";
            var node = YamlNodeReader.Child(patterns, language);
            if (language == Languages.TraditionalChinese && node is YamlScalarNode { Value: "fold" })
            {
                continue;
            }
            var list = yaml.ScalarList(patterns, language, $"{field}.patterns");
            if (list.Count == 0)
            {
                throw yaml.Error(node ?? patterns, at, language == Languages.TraditionalChinese
                    ? "needs patterns, or 'fold' to match Traditional text with the zh-Hans patterns"
                    : "needs at least one pattern");
            }
            for (var i = 0; i < list.Count; i++)
            {
                var text = WithMarkers(language == Languages.English ? list[i].Value : fold.Apply(list[i].Value), list[i].Node, $"{at}[{i}]");
                tagged |= text.AsSpan().IndexOfAny(NumberTags.Foreign, NumberTags.Plus86) >= 0;
                all.Add(Checked(text, list[i].Node, $"{at}[{i}]"));
            }
        }
        var regex = new Regex(string.Join('|', all.Select(p => $"(?:{p})")), Options | RegexOptions.Compiled, timeout);
        // The first match compiles the regex to IL; do it now so it never eats a check's timeout.
        // On a busy machine the warm-up itself may pass the timeout: that is no fault of the rule.
        try
        {
            _ = regex.IsMatch("warm-up 预热");
        }
        catch (RegexMatchTimeoutException)
        {
        }
        return regex;
    }

    /// <summary>The pattern with each number placeholder replaced by its marker; an unknown <c>{word}</c> is refused.</summary>
    private string WithMarkers(string pattern, YamlNode node, string field) =>
        Regex.Replace(pattern, @"\{[a-z][a-z0-9-]*\}", m => NumberTags.Placeholders.TryGetValue(m.Value, out var marker)
            ? marker.ToString()
            : throw yaml.Error(node, field, $"unknown placeholder {m.Value} (expected {string.Join(" or ", NumberTags.Placeholders.Keys)})"),
            RegexOptions.None, timeout);

    private string Checked(string pattern, YamlNode node, string field)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            throw yaml.Error(node, field, "an empty pattern would match every message");
        }
        try
        {
            _ = new Regex(pattern, Options, timeout);
        }
        catch (ArgumentException ex)
        {
            throw yaml.Error(node, field, $"not a valid regex: {ex.Message}");
        }
        return pattern;
    }
}
