using Bot.Worker.Chats;
using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Templating;

/// <summary>Short localized strings from <c>labels.yaml</c>: topic and button names, command descriptions, usage lines.</summary>
internal sealed class Labels(IOptions<TemplatesOptions> options, IOptions<BotOptions> bot, ContentPaths paths)
{
    private Dictionary<string, Dictionary<string, string>> _labels = [];

    public void Load()
    {
        var path = Path.Combine(paths.Resolve(options.Value.Directory), "labels.yaml");
        _labels = YamlFiles.Read<Dictionary<string, Dictionary<string, string>>>(path);
    }

    public string Get(string language, string key) =>
        Find(language, key) ?? Find(bot.Value.DefaultLanguage, key) ?? Find(Languages.English, key) ?? key;

    /// <summary>Every label of <paramref name="language"/>, by key (empty when the file has no such section).</summary>
    public IReadOnlyDictionary<string, string> All(string language) =>
        _labels.TryGetValue(language, out var map) ? map : new Dictionary<string, string>();

    public string? Find(string language, string key) =>
        _labels.TryGetValue(language, out var map) && map.TryGetValue(key, out var value) ? value : null;
}
