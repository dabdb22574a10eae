using Telegram.Bot;

namespace Bot.Tests.Integration.FakeServer;

public sealed class WaitForTests : FakeServerTest
{
    [Fact]
    public async Task WaitForMessages_completes_when_the_chat_has_enough_messages()
    {
        var waiting = Server.WaitForMessagesAsync(42, 2, Generous);

        await Bot.SendMessage(42, "one");
        await Bot.SendMessage(7, "elsewhere");
        Assert.False(waiting.IsCompleted);
        await Bot.SendMessage(42, "two");

        var messages = await waiting;
        Assert.Equal(["one", "two"], messages.Select(m => m.Text));
    }

    [Fact]
    public async Task WaitForMessage_sees_messages_sent_before_it_was_called()
    {
        await Bot.SendMessage(42, "early");

        var message = await Server.WaitForMessageAsync(m => m.Text == "early", Generous);

        Assert.Equal(42, message.ChatId);
    }

    [Fact]
    public async Task WaitForMessage_times_out_listing_what_was_sent()
    {
        await Bot.SendMessage(42, "something else");

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => Server.WaitForMessageAsync(m => m.Text == "never", TimeSpan.FromMilliseconds(50)));

        Assert.Contains("chat 42 #1: something else", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForCall_matches_method_and_predicate()
    {
        var waiting = Server.WaitForCallAsync("sendMessage", c => c.ChatId == 9, Generous);

        await Bot.SendMessage(8, "no");
        await Bot.SendMessage(9, "yes");

        var call = await waiting;
        Assert.Contains("\"text\":\"yes\"", call.RequestJson, StringComparison.Ordinal);
        Assert.Equal("yes", call.Request()["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Recorded_json_keeps_emoji_cyrillic_and_tags_readable()
    {
        await Bot.SendMessage(42, "\U0001F6A8 <Срок> сегодня \u2705");

        var call = await Server.WaitForCallAsync("sendMessage", null, Generous);

        Assert.Contains("\"text\":\"\U0001F6A8 <Срок> сегодня \u2705\"", call.RequestJson, StringComparison.Ordinal);
    }
}
