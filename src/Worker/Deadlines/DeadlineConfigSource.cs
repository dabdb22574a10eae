using Bot.Worker.Channels;
using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Bot.Worker.Templating.Kinds;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Deadlines;

/// <summary>The current deadlines.yaml (Bot:DeadlinesFile): validated at start, watched afterwards.</summary>
internal sealed class DeadlineConfigSource : IDisposable
{
    private readonly WatchedFile<DeadlineConfig> _file;
    private readonly TimeZoneInfo _defaultZone;

    public DeadlineConfigSource(
        IOptions<BotOptions> options, IOptions<ChannelsOptions> robots, IOptions<EmailOptions> email, ContentPaths paths, TemplateKinds kinds, TimeProvider clock,
        ILogger<DeadlineConfigSource> logger)
    {
        var defaultZone = options.Value.TimeZone;
        _defaultZone = TimeZoneInfo.TryFindSystemTimeZoneById(defaultZone, out var zone) ? zone : TimeZoneInfo.Utc;
        var channels = new DeadlineChannels([.. robots.Value.Robots.Keys], email.Value.Enabled);
        _file = new WatchedFile<DeadlineConfig>(paths.Resolve(options.Value.DeadlinesFile),
            path => DeadlinesFileParser.Parse(path, defaultZone, name => kinds.Find(name) is not null, clock.GetUtcNow(), channels), clock, logger);
    }

    public DeadlineConfig Current => _file.Current ?? DeadlineConfig.Empty with { TimeZone = _defaultZone };

    public string FilePath => _file.Path;

    public event Func<DeadlineConfig, Task>? Changed
    {
        add => _file.Changed += value;
        remove => _file.Changed -= value;
    }

    public DeadlineConfig Load()
    {
        _file.Load();
        return Current;
    }

    public void Watch() => _file.Watch();

    public Task<bool> ReloadAsync() => _file.ReloadAsync();

    public void Dispose() => _file.Dispose();
}
