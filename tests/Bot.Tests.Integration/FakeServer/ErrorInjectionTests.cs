using Bot.FakeTelegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Bot.Tests.Integration.FakeServer;

public sealed class ErrorInjectionTests : FakeServerTest
{
    [Fact]
    public async Task A_429_with_retry_after_reaches_the_client()
    {
        Server.FailNext("sendMessage", 429, "Too Many Requests: retry after 7", retryAfter: 7);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(42, "hi"));
        var next = await Bot.SendMessage(42, "hi again");

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(7, error.Parameters?.RetryAfter);
        Assert.Equal("Too Many Requests: retry after 7", error.Message);
        Assert.Equal("hi again", Assert.Single(Server.Sent).Text);
        Assert.Equal(1, next.MessageId);
    }

    [Fact]
    public async Task FailNext_can_target_one_chat_several_times()
    {
        Server.FailNext("SendMessage", 400, "Bad Request: chat not found", chatId: 2, times: 2);

        await Bot.SendMessage(1, "other chat");
        await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(2, "first"));
        await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(2, "second"));
        await Bot.SendMessage(2, "third");

        Assert.Equal(["other chat", "third"], Server.Sent.Select(s => s.Text));
    }

    [Fact]
    public async Task A_blocked_chat_answers_403_until_unblocked()
    {
        Server.BlockChat(42);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(42, "hi"));
        Server.UnblockChat(42);
        await Bot.SendMessage(42, "back");

        Assert.Equal(403, error.ErrorCode);
        Assert.Equal("Forbidden: bot was blocked by the user", error.Message);
        Assert.Equal("back", Assert.Single(Server.Sent).Text);
    }

    [Fact]
    public async Task A_user_kicking_the_bot_blocks_the_chat()
    {
        Server.EnqueueMyChatMember(42, "member", "kicked");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(42, "hi"));

        Assert.Equal(403, error.ErrorCode);
    }

    [Fact]
    public async Task An_unknown_chat_is_not_found()
    {
        Server.SetChatNotFound(13);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(13, "hi"));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: chat not found", error.Message);
    }

    [Fact]
    public async Task Server_errors_are_502_for_the_given_number_of_calls()
    {
        Server.FailWithServerError("getMe", 1);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.GetMe());
        var me = await Bot.GetMe();

        Assert.Equal(502, error.ErrorCode);
        Assert.Equal("Bad Gateway", error.Message);
        Assert.Equal(Server.BotId, me.Id);
    }

    [Fact]
    public async Task Flood_limits_answer_429_beyond_the_per_chat_limit()
    {
        Server.EnforceFloodLimits(globalPerSecond: 30, perChatPerSecond: 1, retryAfterSeconds: 3);

        await Bot.SendMessage(42, "first");
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(42, "second"));
        await Bot.SendMessage(43, "other chat");

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(3, error.Parameters?.RetryAfter);
        Assert.Equal("Too Many Requests: retry after 3", error.Message);
        Assert.Equal(["first", "other chat"], Server.Sent.Select(s => s.Text));
    }

    [Fact]
    public async Task Flood_limits_keep_every_window_within_the_global_limit()
    {
        Server.EnforceFloodLimits(globalPerSecond: 5, perChatPerSecond: 0, retryAfterSeconds: 1);

        var results = await Task.WhenAll(Enumerable.Range(1, 20).Select(async chat =>
        {
            try
            {
                await Bot.SendMessage(chat, "burst");
                return 200;
            }
            catch (ApiRequestException e)
            {
                return e.ErrorCode;
            }
        }));

        Assert.Equal(20, results.Length);
        Assert.All(results, code => Assert.True(code is 200 or 429, $"unexpected {code}"));
        Assert.InRange(Server.Sent.Count, 1, 5);
        Assert.True(FakeBotApiServer.MaxInAnyWindow(Server.Sent.Select(s => s.ReceivedTimestamp), TimeSpan.FromSeconds(1)) <= 5);
    }

    [Fact]
    public async Task Response_delay_lets_a_client_time_out_after_the_message_was_sent()
    {
        Server.ResponseDelay = TimeSpan.FromSeconds(30);
        using var cts = new CancellationTokenSource();
        var send = Bot.SendMessage(42, "slow", cancellationToken: cts.Token);

        await Server.WaitForMessageAsync(m => m.Text == "slow", Generous);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
    }
}
