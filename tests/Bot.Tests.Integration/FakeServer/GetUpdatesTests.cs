using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Bot.Tests.Integration.FakeServer;

public sealed class GetUpdatesTests : FakeServerTest
{
    [Fact]
    public async Task Pending_updates_come_back_in_order_until_confirmed()
    {
        var first = Server.EnqueueText(1, "one");
        var second = Server.EnqueueText(1, "two");

        var updates = await Bot.GetUpdates();
        var again = await Bot.GetUpdates();

        Assert.Equal([first, second], updates.Select(u => (long)u.Id));
        Assert.Equal(["one", "two"], updates.Select(u => u.Message!.Text));
        Assert.Equal([first, second], again.Select(u => (long)u.Id));
    }

    [Fact]
    public async Task Offset_confirms_updates_so_they_are_never_returned_again()
    {
        var first = Server.EnqueueText(1, "one");
        var second = Server.EnqueueText(1, "two");

        var afterFirst = await Bot.GetUpdates(offset: (int)first + 1);
        var fromStart = await Bot.GetUpdates(offset: (int)first);

        Assert.Equal([second], afterFirst.Select(u => (long)u.Id));
        Assert.Equal([second], fromStart.Select(u => (long)u.Id));
        Assert.Equal(first + 1, Server.ConfirmedOffset);
    }

    [Fact]
    public async Task Update_ids_increase_and_limit_caps_the_batch()
    {
        var ids = Enumerable.Range(0, 5).Select(i => Server.EnqueueText(1, $"m{i}")).ToArray();

        var batch = await Bot.GetUpdates(limit: 2);

        Assert.True(ids.Zip(ids.Skip(1)).All(p => p.Second > p.First));
        Assert.Equal(ids.Take(2), batch.Select(u => (long)u.Id));
    }

    [Fact]
    public async Task Short_poll_with_nothing_pending_returns_no_updates()
    {
        var updates = await Bot.GetUpdates(timeout: 0);

        Assert.Empty(updates);
    }

    [Fact]
    public async Task Long_poll_returns_as_soon_as_an_update_is_enqueued()
    {
        // The poll's own timeout is far beyond the wait below: only an early return passes.
        var poll = Bot.GetUpdates(timeout: 50);
        await Server.WaitUntilPollingAsync(Generous);

        var id = Server.EnqueueText(1, "wake up");
        var updates = await poll.WaitAsync(Generous);

        Assert.Equal(id, Assert.Single(updates).Id);
    }

    [Fact]
    public async Task Long_poll_times_out_with_no_updates()
    {
        var updates = await Bot.GetUpdates(timeout: 1);

        Assert.Empty(updates);
        Assert.Equal(200, Assert.Single(Server.Calls).StatusCode);
    }

    [Fact]
    public async Task A_second_concurrent_getUpdates_makes_the_first_get_conflict()
    {
        var first = Bot.GetUpdates(timeout: 50);
        await Server.WaitUntilPollingAsync(Generous);

        var second = await Bot.GetUpdates(timeout: 0);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => first.WaitAsync(Generous));

        Assert.Empty(second);
        Assert.Equal(409, error.ErrorCode);
        Assert.Contains("Conflict: terminated by other getUpdates request", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_goes_away_ends_its_long_poll()
    {
        using var cts = new CancellationTokenSource();
        var poll = Bot.GetUpdates(timeout: 50, cancellationToken: cts.Token);
        await Server.WaitUntilPollingAsync(Generous);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll);
        var call = await Server.WaitForCallAsync("getUpdates", null, Generous);
        Assert.Equal(499, call.StatusCode);
    }

    [Fact]
    public async Task WaitForConfirmation_completes_once_the_bot_moves_past_the_update()
    {
        var id = Server.EnqueueText(1, "hello");
        var confirmed = Server.WaitForConfirmationAsync(id, Generous);

        await Bot.GetUpdates(offset: (int)id);
        Assert.False(confirmed.IsCompleted);
        await Bot.GetUpdates(offset: (int)id + 1);

        await confirmed;
    }

    [Fact]
    public async Task Allowed_updates_drop_new_updates_of_other_kinds()
    {
        await Bot.GetUpdates(allowedUpdates: [UpdateType.Message]);

        Server.EnqueueCallback(1, "data", chatId: 1, messageId: 1);
        var text = Server.EnqueueText(1, "kept");
        var updates = await Bot.GetUpdates();

        Assert.Equal(text, Assert.Single(updates).Id);
        Assert.Equal(1, Server.FilteredOutUpdateCount);
    }

    [Fact]
    public async Task While_a_webhook_is_set_getUpdates_conflicts()
    {
        await Bot.SetWebhook("https://example.org/hook");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.GetUpdates());
        await Bot.DeleteWebhook();
        var updates = await Bot.GetUpdates();

        Assert.Equal(409, error.ErrorCode);
        Assert.Empty(updates);
    }
}
