using Bot.Worker.Configuration;
using Bot.Worker.Hosting;
using Bot.Worker.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Scam;

/// <summary>The current scam-signs.yaml (Bot:ScamSignsFile): required and validated at start (tips checked against tips.yaml), watched afterwards.</summary>
internal sealed class ScamRulesSource : IDisposable
{
    private readonly WatchedFile<ScamRules> _file;

    public ScamRulesSource(IOptions<BotOptions> bot, IOptions<TemplatesOptions> templates, ContentPaths paths, TimeProvider clock, ILogger<ScamRulesSource> logger)
    {
        var tipsPath = Path.Combine(paths.Resolve(templates.Value.Directory), "tips.yaml");
        _file = new(paths.Resolve(bot.Value.ScamSignsFile), path => ScamRulesParser.Parse(path, TipIds(tipsPath)), clock, logger);
    }

    public ScamRules Current => _file.Current ?? throw new InvalidOperationException("The scam rules are not loaded yet");

    public string FilePath => _file.Path;

    public ScamRules Load() => _file.Load() ?? throw new StartupException($"{_file.Path}: file not found (the scam check needs its rules)");

    public void Watch() => _file.Watch();

    public Task<bool> ReloadAsync() => _file.ReloadAsync();

    public void Dispose() => _file.Dispose();

    private static HashSet<string> TipIds(string tipsPath) =>
        YamlFiles.Read<Dictionary<string, List<Dictionary<string, object>>>>(tipsPath).GetValueOrDefault("tips", [])
            .Select(t => t.GetValueOrDefault("id") as string).OfType<string>().ToHashSet(StringComparer.Ordinal);
}
