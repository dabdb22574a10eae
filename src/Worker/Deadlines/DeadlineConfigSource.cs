using Bot.Worker.Configuration;
using Bot.Worker.Hosting;
using Bot.Worker.Storage;
using Bot.Worker.Templating.Kinds;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Deadlines;

/// <summary>
/// The current deadlines.yaml. Loaded at start (a bad file stops start-up); then watched: a good edit
/// replaces the configuration and raises <see cref="Changed"/>, a bad one is refused with one log
/// line and the previous schedule keeps running.
/// </summary>
internal sealed partial class DeadlineConfigSource(
    IOptions<BotOptions> options, ContentPaths paths, TemplateKinds kinds, TimeProvider clock, ILogger<DeadlineConfigSource> logger) : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);
    private FileSystemWatcher? _watcher;
    private ITimer? _debounce;

    public DeadlineConfig Current { get; private set; } = DeadlineConfig.Empty;

    public string FilePath => paths.Resolve(options.Value.DeadlinesFile);

    /// <summary>Raised after a changed file was read successfully.</summary>
    public event Func<DeadlineConfig, Task>? Changed;

    public DeadlineConfig Load()
    {
        if (!File.Exists(FilePath))
        {
            LogMissing(FilePath);
            Current = DeadlineConfig.Empty with { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone) };
            return Current;
        }
        Current = Read();
        return Current;
    }

    public DeadlineConfig Read() => DeadlinesFileParser.Parse(FilePath, options.Value.TimeZone, name => kinds.Find(name) is not null);

    public void Watch()
    {
        var directory = Path.GetDirectoryName(FilePath)!;
        if (!Directory.Exists(directory))
        {
            return;
        }
        _debounce = clock.CreateTimer(_ => _ = ReloadAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(directory, Path.GetFileName(FilePath))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size,
        };
        _watcher.Changed += (_, _) => _debounce.Change(Settle, Timeout.InfiniteTimeSpan);
        _watcher.Created += (_, _) => _debounce.Change(Settle, Timeout.InfiniteTimeSpan);
        _watcher.Renamed += (_, _) => _debounce.Change(Settle, Timeout.InfiniteTimeSpan);
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Re-reads the file; keeps the previous configuration if the new one is bad.</summary>
    public async Task<bool> ReloadAsync()
    {
        DeadlineConfig next;
        try
        {
            next = Read();
        }
        catch (StartupException ex)
        {
            LogRefused(ex.Message);
            return false;
        }
        Current = next;
        LogReloaded(FilePath, next.Deadlines.Count, next.Teams.Count);
        if (Changed is { } changed)
        {
            try
            {
                await changed(next);
            }
            catch (Exception ex)
            {
                LogApplyFailed(ex);
            }
        }
        return true;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
    }

    [LoggerMessage(LogLevel.Warning, "{Path} not found: no deadlines or teams")]
    private partial void LogMissing(string path);

    [LoggerMessage(LogLevel.Error, "Deadlines file change refused, the previous schedule keeps running: {Problem}")]
    private partial void LogRefused(string problem);

    [LoggerMessage(LogLevel.Information, "Reloaded {Path}: {Deadlines} deadlines, {Teams} teams")]
    private partial void LogReloaded(string path, int deadlines, int teams);

    [LoggerMessage(LogLevel.Error, "Applying the changed deadlines file failed")]
    private partial void LogApplyFailed(Exception ex);
}
