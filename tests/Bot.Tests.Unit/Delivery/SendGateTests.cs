using Bot.Worker.Configuration;
using Bot.Worker.Delivery;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Unit.Delivery;

/// <summary>The per-chat limits: a sliding minute per group, a gap per private chat.</summary>
public sealed class SendGateTests
{
    private const long Group = -100123;

    [Fact]
    public void A_group_gets_a_burst_of_20_and_the_21st_waits_until_the_first_leaves_the_minute()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        var gate = new SendGate(Options.Create(new DeliveryOptions { GlobalRatePerSecond = 0 }), clock);
        var first = clock.GetUtcNow();

        for (var i = 0; i < 20; i++)
        {
            Assert.True(gate.IsChatReady(Group, clock.GetUtcNow(), out _), $"send {i + 1} had to wait");
            Send(gate, Group, clock);
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.False(gate.IsChatReady(Group, clock.GetUtcNow(), out var readyAt));
        Assert.Equal(first + TimeSpan.FromMinutes(1), readyAt);
        clock.Advance(readyAt!.Value - clock.GetUtcNow() - TimeSpan.FromMilliseconds(1));
        Assert.False(gate.IsChatReady(Group, clock.GetUtcNow(), out _));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(gate.IsChatReady(Group, clock.GetUtcNow(), out _));
    }

    [Fact]
    public void A_private_chat_keeps_its_gap_between_messages()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        var gate = new SendGate(Options.Create(new DeliveryOptions { GlobalRatePerSecond = 0, PerChatIntervalMs = 1000 }), clock);

        Send(gate, 42, clock);

        Assert.False(gate.IsChatReady(42, clock.GetUtcNow(), out var readyAt));
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(1), readyAt);
    }

    private static void Send(SendGate gate, long chatId, FakeTimeProvider clock)
    {
        Assert.True(gate.TryStart(chatId, clock.GetUtcNow(), paid: false, out _));
        gate.Complete(chatId, paid: false);
    }
}
