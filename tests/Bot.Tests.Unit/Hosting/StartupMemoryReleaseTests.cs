using Bot.Worker.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Unit.Hosting;

public sealed class StartupMemoryReleaseTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private int _collections;

    [Fact]
    public async Task Collects_once_a_few_seconds_after_every_service_has_started()
    {
        using var release = new StartupMemoryRelease(_clock, () => _collections++);
        await release.StartingAsync(CancellationToken.None);
        await release.StartAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));   // still starting: time alone does nothing
        Assert.Equal(0, _collections);

        await release.StartedAsync(CancellationToken.None);
        _clock.Advance(StartupMemoryRelease.Delay - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, _collections);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _collections);

        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, _collections);
    }

    [Fact]
    public async Task Stopping_within_the_delay_cancels_the_collection()
    {
        using var release = new StartupMemoryRelease(_clock, () => _collections++);
        await release.StartedAsync(CancellationToken.None);
        await release.StoppingAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, _collections);
    }
}
