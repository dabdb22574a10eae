using System.Diagnostics;
using Bot.FakeTelegram;

namespace Bot.Tests.Integration.FakeServer;

public sealed class MaxInAnyWindowTests
{
    private static readonly long Second = Stopwatch.Frequency;

    [Fact]
    public void Counts_the_busiest_half_open_window()
    {
        long[] stamps = [0, Second / 2, Second - 1, Second, 3 * Second];

        Assert.Equal(3, FakeBotApiServer.MaxInAnyWindow(stamps, TimeSpan.FromSeconds(1)));
        Assert.Equal(4, FakeBotApiServer.MaxInAnyWindow(stamps, TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void Order_does_not_matter_and_empty_is_zero()
    {
        Assert.Equal(2, FakeBotApiServer.MaxInAnyWindow([5 * Second, 0, 5 * Second + 1], TimeSpan.FromSeconds(1)));
        Assert.Equal(0, FakeBotApiServer.MaxInAnyWindow([], TimeSpan.FromSeconds(1)));
    }
}
