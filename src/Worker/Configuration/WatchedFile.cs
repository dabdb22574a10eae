using Bot.Worker.Common;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Configuration;

/// <summary>
/// A config file read at start and watched afterwards: a good edit replaces <see cref="Current"/> and
/// raises <see cref="Changed"/>; a bad one is refused with one log line naming file, line and field,
/// and the previous content stays in force.
/// </summary>
internal sealed partial class WatchedFile<T>(string path, Func<string, T> parse, TimeProvider clock, ILogger logger) : IDisposable
    where T : class
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);
    private FileSystemWatcher? _watcher;
    private ITimer? _debounce;

    public string Path { get; } = path;

    public T? Current { get; private set; }

    public event Func<T, Task>? Changed;

    /// <summary>Reads the file (throws <see cref="StartupException"/> on a bad one); null if it does not exist.</summary>
    public T? Load()
    {
        if (!File.Exists(Path))
        {
            LogMissing(Path);
            return null;
        }
        return Current = parse(Path);
    }

    public void Watch()
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        if (!Directory.Exists(directory))
        {
            return;
        }
        _debounce = clock.CreateTimer(_ => _ = ReloadAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(directory, System.IO.Path.GetFileName(Path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size,
        };
        FileSystemEventHandler changed = (_, _) => _debounce.Change(Settle, Timeout.InfiniteTimeSpan);
        _watcher.Changed += changed;
        _watcher.Created += changed;
        _watcher.Renamed += (_, _) => _debounce.Change(Settle, Timeout.InfiniteTimeSpan);
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Re-reads the file; keeps the previous content if the new one is bad.</summary>
    public async Task<bool> ReloadAsync()
    {
        T next;
        try
        {
            next = parse(Path);
        }
        catch (StartupException ex)
        {
            LogRefused(ex.Message);
            return false;
        }
        Current = next;
        LogReloaded(Path);
        if (Changed is { } changed)
        {
            try
            {
                await changed(next);
            }
            catch (Exception ex)
            {
                LogApplyFailed(ex, Path);
            }
        }
        return true;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
    }

    [LoggerMessage(LogLevel.Warning, "{Path} not found: nothing configured there")]
    private partial void LogMissing(string path);

    [LoggerMessage(LogLevel.Error, "Change refused, the previous configuration keeps running: {Problem}")]
    private partial void LogRefused(string problem);

    [LoggerMessage(LogLevel.Information, "Reloaded {Path}")]
    private partial void LogReloaded(string path);

    [LoggerMessage(LogLevel.Error, "Applying the changed {Path} failed")]
    private partial void LogApplyFailed(Exception ex, string path);
}
