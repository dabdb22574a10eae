using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Scam;

/// <summary>
/// The current scam-signs.yaml (Bot:ScamSignsFile): validated at start (tips checked against tips.yaml),
/// watched afterwards. When the configured file does not exist, the copy shipped in the build output is
/// used (the check never runs without rules); when neither exists, start-up stops.
/// </summary>
internal sealed partial class ScamRulesSource : IDisposable
{
    private readonly WatchedFile<ScamRules> _file;
    private readonly ILogger<ScamRulesSource> _logger;
    private readonly string _configured;

    public ScamRulesSource(IOptions<BotOptions> bot, IOptions<TemplatesOptions> templates, ContentPaths paths, TimeProvider clock, ILogger<ScamRulesSource> logger)
    {
        var tipsPath = Path.Combine(paths.Resolve(templates.Value.Directory), "tips.yaml");
        _configured = paths.Resolve(bot.Value.ScamSignsFile);
        var shipped = Path.Combine(AppContext.BaseDirectory, "config", "scam-signs.yaml");
        var path = File.Exists(_configured) || !File.Exists(shipped) ? _configured : shipped;
        _file = new(path, p => ScamRulesParser.Parse(p, File.Exists(tipsPath) ? TipIds(tipsPath) : null), clock, logger);
        _logger = logger;
    }

    public ScamRules Current => _file.Current ?? throw new InvalidOperationException("The scam rules are not loaded yet");

    public string FilePath => _file.Path;

    public ScamRules Load()
    {
        if (_file.Path != _configured)
        {
            LogShipped(_configured, _file.Path);
        }
        return _file.Load() ?? throw new StartupException($"{_configured}: file not found (the scam check needs its rules)");
    }

    public void Watch() => _file.Watch();

    public Task<bool> ReloadAsync() => _file.ReloadAsync();

    public void Dispose() => _file.Dispose();

    private static HashSet<string> TipIds(string tipsPath) =>
        YamlFiles.Read<Dictionary<string, List<Dictionary<string, object>>>>(tipsPath).GetValueOrDefault("tips", [])
            .Select(t => t.GetValueOrDefault("id") as string).OfType<string>().ToHashSet(StringComparer.Ordinal);

    [LoggerMessage(LogLevel.Warning, "{Configured} not found: using the shipped scam rules {Shipped}")]
    private partial void LogShipped(string configured, string shipped);
}
