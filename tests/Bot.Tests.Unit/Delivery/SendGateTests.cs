using Bot.Worker.Configuration;
using Bot.Worker.Delivery;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Unit.Delivery;

/// <summary>The per-chat limits (a sliding minute per group, a gap per private chat) and the two global lanes (free, paid).</summary>
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

    [Fact]
    public void Paid_broadcasts_have_a_budget_of_their_own_and_a_429_pauses_only_their_lane()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        var gate = new SendGate(Options.Create(new DeliveryOptions { GlobalRatePerSecond = 2, PaidRatePerSecond = 1000, PerChatIntervalMs = 0, WindowMarginMs = 0 }), clock);

        // The free lane's 2 a second are spent (spaced a quarter of a second apart); the paid lane goes on at once.
        Assert.True(gate.TryStart(1, clock.GetUtcNow(), paid: false, out _));
        clock.Advance(TimeSpan.FromMilliseconds(250));
        Assert.True(gate.TryStart(2, clock.GetUtcNow(), paid: false, out _));
        clock.Advance(TimeSpan.FromMilliseconds(250));
        gate.Complete(1, paid: false);
        gate.Complete(2, paid: false);
        Assert.False(gate.TryStart(3, clock.GetUtcNow(), paid: false, out var freeAt));
        Assert.NotNull(freeAt);
        for (var chat = 100; chat < 400; chat++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(0.5));
            Assert.True(gate.TryStart(chat, clock.GetUtcNow(), paid: true, out _), $"paid send to {chat} had to wait");
            gate.Complete(chat, paid: true);
        }
        Assert.True(gate.BackToBack(paid: true));
        Assert.False(gate.BackToBack(paid: false));

        // A 429 to a paid send pauses the paid lane for retry_after; the free lane is not paused by it.
        gate.Pause(TimeSpan.FromSeconds(3), paid: true);
        Assert.False(gate.TryStart(500, clock.GetUtcNow(), paid: true, out var paidAt));
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(3), paidAt);
        Assert.Equal(DateTimeOffset.MinValue, gate.PausedUntil);
        Assert.Equal(DateTimeOffset.MinValue, gate.AllPausedUntil);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(gate.TryStart(3, clock.GetUtcNow(), paid: false, out _));
    }

    private static void Send(SendGate gate, long chatId, FakeTimeProvider clock)
    {
        Assert.True(gate.TryStart(chatId, clock.GetUtcNow(), paid: false, out _));
        gate.Complete(chatId, paid: false);
    }
}
