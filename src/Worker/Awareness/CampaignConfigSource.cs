using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Awareness;

/// <summary>The current campaigns.yaml (Bot:CampaignsFile): validated at start, watched afterwards.</summary>
internal sealed class CampaignConfigSource(IOptions<BotOptions> options, ContentPaths paths, TimeProvider clock, ILogger<CampaignConfigSource> logger) : IDisposable
{
    private readonly WatchedFile<IReadOnlyList<CampaignDefinition>> _file =
        new(paths.Resolve(options.Value.CampaignsFile), path => CampaignsFileParser.Parse(path, Zone(options.Value.TimeZone), clock.GetUtcNow()), clock, logger);

    public IReadOnlyList<CampaignDefinition> Current => _file.Current ?? [];

    public string FilePath => _file.Path;

    public event Func<IReadOnlyList<CampaignDefinition>, Task>? Changed
    {
        add => _file.Changed += value;
        remove => _file.Changed -= value;
    }

    public IReadOnlyList<CampaignDefinition> Load()
    {
        _file.Load();
        return Current;
    }

    public void Watch() => _file.Watch();

    public Task<bool> ReloadAsync() => _file.ReloadAsync();

    public CampaignDefinition? Find(string id) => Current.FirstOrDefault(c => c.Id == id);

    public void Dispose() => _file.Dispose();

    // Bot:TimeZone is validated at start; UTC only keeps a bad value from failing here first.
    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
