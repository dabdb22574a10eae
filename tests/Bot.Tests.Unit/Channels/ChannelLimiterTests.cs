using Bot.Worker.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Unit.Channels;

public sealed class ChannelLimiterTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_WeCom_robot_takes_20_in_a_minute_then_waits_for_the_oldest_to_leave_the_window()
    {
        var limiter = ChannelLimiter.ForRobot(new RobotOptions { Kind = RobotKind.WeCom }, _clock);
        var first = _clock.GetUtcNow();
        for (var i = 0; i < 20; i++)
        {
            Assert.True(limiter.TryTake(out _), $"send {i + 1}");
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.False(limiter.TryTake(out var next));
        Assert.Equal(first.AddMinutes(1) + ChannelLimiter.Margin, next);
        _clock.Advance(next - _clock.GetUtcNow());
        Assert.Null(limiter.ReadyAt());
        Assert.True(limiter.TryTake(out _));
        Assert.Equal(first.AddSeconds(61) + ChannelLimiter.Margin, limiter.ReadyAt());
    }

    [Fact]
    public void A_Feishu_robot_takes_5_a_second_and_100_a_minute()
    {
        var limiter = ChannelLimiter.ForRobot(new RobotOptions { Kind = RobotKind.Feishu }, _clock);
        var start = _clock.GetUtcNow();
        var taken = 0;
        while (_clock.GetUtcNow() < start.AddMinutes(1))
        {
            if (limiter.TryTake(out var next))
            {
                taken++;
            }
            else
            {
                Assert.True(next > _clock.GetUtcNow());
                _clock.Advance(next - _clock.GetUtcNow());
            }
            if (_clock.GetUtcNow() < start.AddSeconds(1))
            {
                Assert.True(taken <= 5);
            }
        }

        Assert.Equal(100, taken);
    }

    [Fact]
    public void A_configured_PerMinute_replaces_the_apps_default()
    {
        var limiter = ChannelLimiter.ForRobot(new RobotOptions { Kind = RobotKind.DingTalk, PerMinute = 2 }, _clock);

        Assert.True(limiter.TryTake(out _));
        Assert.True(limiter.TryTake(out _));
        Assert.False(limiter.TryTake(out _));
    }

    [Fact]
    public void Rate_errors_in_a_row_pause_longer_each_time_and_a_success_forgets_them()
    {
        var limiter = new ChannelLimiter(20, 0, _clock);
        var now = _clock.GetUtcNow();

        Assert.Equal(now.AddMinutes(1), limiter.NoteRateError(now.AddMinutes(1)));
        Assert.Equal(now.AddMinutes(2), limiter.NoteRateError(now.AddMinutes(1)));
        Assert.Equal(now.AddMinutes(4), limiter.NoteRateError(now.AddMinutes(1)));
        Assert.False(limiter.TryTake(out var next));
        Assert.Equal(now.AddMinutes(4), next);

        limiter.NoteSent();
        Assert.Equal(now.AddMinutes(1), limiter.NoteRateError(now.AddMinutes(1)));
    }

    [Fact]
    public void A_pause_never_grows_past_30_minutes_but_keeps_a_longer_block_the_app_named()
    {
        var limiter = new ChannelLimiter(20, 0, _clock);
        var now = _clock.GetUtcNow();
        for (var i = 0; i < 8; i++)
        {
            limiter.NoteRateError(now.AddMinutes(10));
        }

        Assert.Equal(now + ChannelLimiter.MaxPause, limiter.NoteRateError(now.AddMinutes(10)));
        Assert.Equal(now.AddHours(1), new ChannelLimiter(20, 0, _clock).NoteRateError(now.AddHours(1)));
    }
}
