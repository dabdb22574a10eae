using System.Globalization;
using Bot.Worker.Chats;
using Bot.Worker.Configuration;
using YamlDotNet.RepresentationModel;

namespace Bot.Worker.Scam;

/// <summary>Reading helpers the two scam files share, on top of <see cref="YamlNodeReader"/>.</summary>
internal static class ScamYaml
{
    public static int Int(YamlNodeReader yaml, YamlMappingNode map, string key, string field, int min, int max, int? fallback = null)
    {
        var node = YamlNodeReader.Child(map, key);
        if (node is null)
        {
            return fallback ?? throw yaml.Error(map, $"{field}.{key}", "is required");
        }
        return node is YamlScalarNode { Value: var v } && int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw yaml.Error(node, $"{field}.{key}", $"expected a whole number from {min} to {max}");
    }

    public static YamlMappingNode Map(YamlNodeReader yaml, YamlMappingNode parent, string key, string field) =>
        YamlNodeReader.Child(parent, key) switch
        {
            YamlMappingNode map => map,
            null => throw yaml.Error(parent, $"{field}.{key}", "is required"),
            var other => throw yaml.Error(other, $"{field}.{key}", "expected keys (zh-Hans:, zh-Hant:, en:)"),
        };

    /// <summary>A text in each of zh-Hans, zh-Hant and en, each required and non-empty.</summary>
    public static IReadOnlyDictionary<string, string> PerLanguage(YamlNodeReader yaml, YamlMappingNode parent, string key, string field)
    {
        var map = Map(yaml, parent, key, field);
        yaml.OnlyKeys(map, $"{field}.{key}", [.. Languages.All]);
        return Languages.All.ToDictionary(l => l, l => yaml.RequiredString(map, l, $"{field}.{key}").Trim());
    }
}
