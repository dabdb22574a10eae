using Bot.Tests.Unit.Support;
using Bot.Worker.Delivery;

namespace Bot.Tests.Unit.Delivery;

/// <summary>What a send that throws does: a transport failure is retried, a programming error is not.</summary>
public sealed class DeliveryErrorTests
{
    [Fact]
    public async Task A_programming_error_in_a_send_fails_the_row_at_once_and_logs_the_stack_trace()
    {
        await using var bot = await DispatcherHarness.StartAsync(start: false);
        bot.Transport.Throw(new InvalidOperationException("a bug"));
        await bot.EnqueueAsync("k", 1);

        await bot.StartDispatcherAsync();
        await bot.SettleAsync();
        await bot.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Single(bot.Transport.Attempts);
        Assert.Equal(DeliveryState.Failed, await bot.StateOfAsync("k"));
        var logged = Assert.Single(bot.Log.Exceptions);
        Assert.IsType<InvalidOperationException>(logged);
        Assert.Contains("RecordingTransport.SendAsync", logged.StackTrace ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_error_thrown_by_a_send_is_deferred_for_retry()
    {
        await using var bot = await DispatcherHarness.StartAsync(start: false);
        bot.Transport.Throw(new HttpRequestException("connection refused"));
        await bot.EnqueueAsync("k", 1);

        await bot.StartDispatcherAsync();
        await bot.SettleAsync();
        Assert.Equal(DeliveryState.Deferred, await bot.StateOfAsync("k"));

        await bot.AdvanceAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, bot.Transport.Attempts.Count);
        Assert.Equal(DeliveryState.Sent, await bot.StateOfAsync("k"));
    }
}
