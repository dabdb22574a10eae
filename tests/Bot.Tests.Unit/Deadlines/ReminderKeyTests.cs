using Bot.Worker.Delivery;

namespace Bot.Tests.Unit.Deadlines;

public sealed class ReminderKeyTests
{
    [Fact]
    public void The_scheduled_time_comes_back_from_the_key_of_a_reminder_to_one_chat()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_767_225_600_123);
        var key = ReminderKey.Format(42, "remind-1d", at.ToUnixTimeMilliseconds()) + ":-100123";

        Assert.Equal("dl:42:remind-1d@1767225600123:-100123", key);
        Assert.True(ReminderKey.TryParseScheduledAt(key, out var parsed));
        Assert.Equal(at, parsed);
    }

    [Theory]
    [InlineData("dl:42:remind-1d@1767225600123:5#2")] // a later part of a long message: counted once, on the first
    [InlineData("dl:42:overdue:5")]
    [InlineData("dl:42:escalate:1:5")]
    [InlineData("bc:1:5")]
    [InlineData("dl:42:remind@soon:5")]
    public void Other_keys_have_no_scheduled_time(string key) =>
        Assert.False(ReminderKey.TryParseScheduledAt(key, out _));
}
