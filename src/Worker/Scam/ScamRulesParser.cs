using Bot.Worker.Configuration;
using YamlDotNet.RepresentationModel;

namespace Bot.Worker.Scam;

/// <summary>
/// Reads and validates scam-signs.yaml: unknown keys, bad regexes, duplicate ids, unknown tips and
/// missing languages are refused with "file:line:column: field: problem".
/// </summary>
internal static class ScamRulesParser
{
    public static ScamRules Parse(string path) => Parse(path, null);

    /// <param name="path">The scam-signs.yaml file.</param>
    /// <param name="tips">The tip ids of tips.yaml, or null not to check them.</param>
    public static ScamRules Parse(string path, IReadOnlySet<string>? tips)
    {
        var yaml = new YamlNodeReader(path);
        var root = yaml.LoadRoot();
        yaml.OnlyKeys(root, "", "match_timeout_ms", "thresholds", "traditional_fold", "home_regions", "links", "wording", "signs");
        var timeout = TimeSpan.FromMilliseconds(ScamYaml.Int(yaml, root, "match_timeout_ms", "match_timeout_ms", 1, 1000, 50));
        var thresholds = ScamYaml.Map(yaml, root, "thresholds", "");
        yaml.OnlyKeys(thresholds, "thresholds", "orange", "red");
        var orange = ScamYaml.Int(yaml, thresholds, "orange", "thresholds", 1, 1000);
        var red = ScamYaml.Int(yaml, thresholds, "red", "thresholds", 1, 1000);
        if (red <= orange)
        {
            throw yaml.Error(thresholds, "thresholds", $"red ({red}) must be above orange ({orange})");
        }
        var fold = Fold(yaml, root);
        var homeRegions = HomeRegions(yaml, root);
        var (shorteners, brands) = Links(yaml, root);
        var wording = Wording(yaml, root);
        var signNodes = yaml.MappingList(root, "signs", "signs");
        if (signNodes.Count == 0)
        {
            throw yaml.Error(root, "signs", "needs at least one sign");
        }
        var reader = new ScamSignParser(yaml, fold, timeout, tips);
        var signs = signNodes.Select((s, i) => reader.Parse(s, $"signs[{i}]")).ToList();
        for (var i = 0; i < signs.Count; i++)
        {
            if (signs[i].Id == ScamVerdict.ReportedAlikeSign)
            {
                throw yaml.Error(YamlNodeReader.Child(signNodes[i], "id"), $"signs[{i}].id", $"'{signs[i].Id}' is kept for messages like confirmed reports");
            }
            if (signs.FindIndex(s => s.Id == signs[i].Id) < i)
            {
                throw yaml.Error(YamlNodeReader.Child(signNodes[i], "id"), $"signs[{i}].id", $"'{signs[i].Id}' appears twice");
            }
        }
        return new ScamRules(signs, orange, red, shorteners, brands, fold, wording, homeRegions);
    }

    /// <summary>Region codes (CN, HK...) whose numbers {foreign-number} does not stand for; CN when the key is missing.</summary>
    private static HashSet<string> HomeRegions(YamlNodeReader yaml, YamlMappingNode root)
    {
        if (YamlNodeReader.Child(root, "home_regions") is null)
        {
            return ["CN"];
        }
        var regions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (value, node) in yaml.ScalarList(root, "home_regions", ""))
        {
            var code = value.Trim().ToUpperInvariant();
            if (!NumberTags.IsRegion(code))
            {
                throw yaml.Error(node, "home_regions", $"'{value}' is not a region code libphonenumber knows (CN, HK, MO, TW...)");
            }
            regions.Add(code);
        }
        return regions;
    }

    /// <summary>"帳账 戶户 ...": pairs of one Traditional and one Simplified character, separated by spaces.</summary>
    private static TraditionalFold Fold(YamlNodeReader yaml, YamlMappingNode root)
    {
        var text = yaml.OptionalString(root, "traditional_fold", "traditional_fold") ?? "";
        var map = new Dictionary<char, char>();
        foreach (var pair in text.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.Length != 2 || pair[0] == pair[1])
            {
                throw yaml.Error(YamlNodeReader.Child(root, "traditional_fold"), "traditional_fold", $"'{pair}' is not a pair of two different characters (Traditional then Simplified)");
            }
            if (!map.TryAdd(pair[0], pair[1]) && map[pair[0]] != pair[1])
            {
                throw yaml.Error(YamlNodeReader.Child(root, "traditional_fold"), "traditional_fold", $"'{pair[0]}' is mapped twice");
            }
        }
        return new TraditionalFold(map);
    }

    private static (IReadOnlySet<string> Shorteners, IReadOnlyList<BrandDomain> Brands) Links(YamlNodeReader yaml, YamlMappingNode root)
    {
        var links = ScamYaml.Map(yaml, root, "links", "");
        yaml.OnlyKeys(links, "links", "shorteners", "brands");
        var shorteners = yaml.ScalarList(links, "shorteners", "links").Select(s => s.Value.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var brands = yaml.MappingList(links, "brands", "links.brands").Select((b, i) =>
        {
            var field = $"links.brands[{i}]";
            yaml.OnlyKeys(b, field, "word", "real");
            var word = yaml.RequiredString(b, "word", field).Trim().ToLowerInvariant();
            var real = yaml.ScalarList(b, "real", field).Select(r => r.Value.Trim().ToLowerInvariant()).ToList();
            return new BrandDomain(word, real);
        }).ToList();
        return (shorteners, brands);
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>> Wording(YamlNodeReader yaml, YamlMappingNode root)
    {
        var map = ScamYaml.Map(yaml, root, "wording", "");
        yaml.OnlyKeys(map, "wording", [.. ScamRules.WordingKeys]);
        return ScamRules.WordingKeys.ToDictionary(k => k, k => ScamYaml.PerLanguage(yaml, map, k, "wording"));
    }
}
