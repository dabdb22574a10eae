using Bot.Worker.Chats;
using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Templating;

/// <summary>The tips from <c>tips.yaml</c> beside the templates, in file order.</summary>
internal sealed class TipLibrary(IOptions<TemplatesOptions> options, ContentPaths paths)
{
    public IReadOnlyList<Tip> Tips { get; private set; } = [];

    public void Load()
    {
        var path = Path.Combine(paths.Resolve(options.Value.Directory), "tips.yaml");
        var file = YamlFiles.Read<Dictionary<string, List<Dictionary<string, object>>>>(path);
        if (!file.TryGetValue("tips", out var entries) || entries.Count == 0)
        {
            throw new StartupException($"{path}: no tips (expected a 'tips:' list)");
        }
        var tips = entries.Select(e => ToTip(e, path)).ToList();
        var duplicate = tips.GroupBy(t => t.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new StartupException($"{path}: tip id '{duplicate.Key}' appears twice");
        }
        Tips = tips;
    }

    private static Tip ToTip(Dictionary<string, object> entry, string path)
    {
        var id = entry.GetValueOrDefault("id") as string ?? throw new StartupException($"{path}: a tip has no id");
        var texts = new Dictionary<string, TipText>();
        foreach (var language in Languages.All)
        {
            if (entry.GetValueOrDefault(language) is Dictionary<object, object> text)
            {
                texts[language] = new TipText(
                    (text.GetValueOrDefault("title") as string ?? "").Trim(),
                    (text.GetValueOrDefault("body") as string ?? "").Trim());
            }
        }
        if (texts.Count == 0)
        {
            throw new StartupException($"{path}: tip '{id}' has no text in any language");
        }
        return new Tip(id, entry.GetValueOrDefault("scam") as string ?? "general", texts);
    }
}
