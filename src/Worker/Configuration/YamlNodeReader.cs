using System.Globalization;
using Bot.Worker.Common;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bot.Worker.Configuration;

/// <summary>
/// Typed reading of a YAML config file that keeps positions: every problem becomes one line
/// "file:line:column: field: what is wrong" (a <see cref="StartupException"/>).
/// </summary>
internal sealed class YamlNodeReader(string path)
{
    public string Path { get; } = path;

    public YamlMappingNode LoadRoot()
    {
        if (!File.Exists(Path))
        {
            throw new StartupException($"{Path}: file not found");
        }
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(Path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new StartupException($"{Path}:{ex.Start.Line}:{ex.Start.Column}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw Error(stream.Documents.FirstOrDefault()?.RootNode, "", "the file must be a mapping (key: value)");
        }
        return root;
    }

    public StartupException Error(YamlNode? node, string field, string message)
    {
        var mark = node?.Start ?? Mark.Empty;
        return new StartupException($"{Path}:{mark.Line}:{mark.Column}: {(field.Length > 0 ? field + ": " : "")}{message}");
    }

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public string? OptionalString(YamlMappingNode map, string key, string field) => Child(map, key) switch
    {
        null => null,
        YamlScalarNode { Value: var v } => v,
        var other => throw Error(other, $"{field}.{key}", "expected a single value"),
    };

    public string RequiredString(YamlMappingNode map, string key, string field) =>
        OptionalString(map, key, field) is { Length: > 0 } value ? value : throw Error(map, $"{field}.{key}", "is required");

    public long RequiredLong(YamlMappingNode map, string key, string field) =>
        OptionalLong(map, key, field) ?? throw Error(map, $"{field}.{key}", "is required");

    public long? OptionalLong(YamlMappingNode map, string key, string field)
    {
        var node = Child(map, key);
        if (node is null)
        {
            return null;
        }
        return node is YamlScalarNode { Value: var v } && long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw Error(node, $"{field}.{key}", "expected a number (a Telegram numeric id)");
    }

    public bool OptionalBool(YamlMappingNode map, string key, string field)
    {
        var node = Child(map, key);
        return node switch
        {
            null => false,
            YamlScalarNode { Value: "true" or "True" or "yes" } => true,
            YamlScalarNode { Value: "false" or "False" or "no" } => false,
            _ => throw Error(node, $"{field}.{key}", "expected true or false"),
        };
    }

    /// <summary>A list of scalars, in flow ([a, b]) or block style.</summary>
    public IReadOnlyList<(string Value, YamlNode Node)> ScalarList(YamlMappingNode map, string key, string field)
    {
        var node = Child(map, key);
        if (node is null)
        {
            return [];
        }
        if (node is not YamlSequenceNode sequence)
        {
            throw Error(node, $"{field}.{key}", "expected a list, like [a, b]");
        }
        return sequence.Children.Select((item, i) => item is YamlScalarNode { Value: { } v }
            ? (v, item)
            : throw Error(item, $"{field}.{key}[{i}]", "expected a single value")).ToList();
    }

    public IReadOnlyList<YamlMappingNode> MappingList(YamlMappingNode map, string key, string field)
    {
        var node = Child(map, key);
        if (node is null)
        {
            return [];
        }
        if (node is not YamlSequenceNode sequence)
        {
            throw Error(node, key, "expected a list of entries (each starting with '- ')");
        }
        return sequence.Children.Select((item, i) => item as YamlMappingNode ?? throw Error(item, $"{field}[{i}]", "expected an entry with keys")).ToList();
    }

    /// <summary>Refuses keys the format does not have (a typo like "remid:" would otherwise be ignored).</summary>
    public void OnlyKeys(YamlMappingNode map, string field, params string[] allowed)
    {
        foreach (var (key, _) in map.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && !allowed.Contains(name))
            {
                throw Error(key, field, $"unknown key '{name}' (expected one of {string.Join(", ", allowed)})");
            }
        }
    }
}
