using Microsoft.Extensions.Hosting;

namespace Bot.Worker.Hosting;

/// <summary>
/// A few seconds after start-up, collects the start-up garbage (configuration and YAML parsing, template and
/// rule compilation, Razor, routing and Quartz set-up) once and gives the freed memory back to the system. An idle
/// worker allocates almost nothing, so without this the garbage and the memory it occupied stay committed for hours.
/// </summary>
internal sealed class StartupMemoryRelease : IHostedLifecycleService, IDisposable
{
    /// <summary>How long after start-up: the first poll, schedule planning and file watches have settled by then.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(3);

    private readonly TimeProvider _clock;
    private readonly Action _collect;
    private ITimer? _timer;

    public StartupMemoryRelease(TimeProvider clock)
        : this(clock, CollectAndDecommit)
    {
    }

    internal StartupMemoryRelease(TimeProvider clock, Action collect)
    {
        _clock = clock;
        _collect = collect;
    }

    /// <summary>Every hosted service has started: the collection is due <see cref="Delay"/> from now.</summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _timer = _clock.CreateTimer(_ => _collect(), null, Delay, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _timer?.Dispose();

    /// <summary>A full, compacting collection in the mode that also returns free memory to the system.</summary>
    private static void CollectAndDecommit() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
