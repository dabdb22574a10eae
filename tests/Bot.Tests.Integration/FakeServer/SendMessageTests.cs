using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Bot.Tests.Integration.FakeServer;

public sealed class SendMessageTests : FakeServerTest
{
    [Fact]
    public async Task SendMessage_returns_a_message_the_client_can_read()
    {
        var markup = new InlineKeyboardMarkup(
        [
            [InlineKeyboardButton.WithCallbackData("Yes", "ack:1"), InlineKeyboardButton.WithCallbackData("No", "nack:1")],
            [InlineKeyboardButton.WithUrl("Help", "https://example.org/help")],
        ]);

        var message = await Bot.SendMessage(42, "<b>Deadline</b> is <i>today</i> &amp; tomorrow", ParseMode.Html, replyMarkup: markup);

        Assert.Equal(1, message.MessageId);
        Assert.Equal(42, message.Chat.Id);
        Assert.Equal(ChatType.Private, message.Chat.Type);
        Assert.Equal(Server.BotId, message.From!.Id);
        Assert.Equal("Deadline is today & tomorrow", message.Text);
        Assert.Equal([MessageEntityType.Bold, MessageEntityType.Italic], message.Entities!.Select(e => e.Type));
        Assert.Equal("ack:1", message.ReplyMarkup!.InlineKeyboard.First().First().CallbackData);
        Assert.True(DateTime.UtcNow - message.Date < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Message_ids_count_up_per_chat_and_groups_are_supergroups()
    {
        var a1 = await Bot.SendMessage(1, "a");
        var a2 = await Bot.SendMessage(1, "b");
        var group = await Bot.SendMessage(-100123, "c");

        Assert.Equal([1, 2], new[] { a1.MessageId, a2.MessageId });
        Assert.Equal(1, group.MessageId);
        Assert.Equal(ChatType.Supergroup, group.Chat.Type);
    }

    [Fact]
    public async Task User_and_bot_messages_share_the_chat_counter()
    {
        Server.EnqueueText(7, "/start");

        var reply = await Bot.SendMessage(7, "hello");

        Assert.Equal(2, reply.MessageId);
    }

    [Fact]
    public async Task Sent_records_raw_and_visible_text_and_buttons()
    {
        var markup = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Got it", "ack:9"));

        await Bot.SendMessage(42, "Hi &lt;there&gt;", ParseMode.Html, replyMarkup: markup);

        var sent = Assert.Single(Server.Sent);
        Assert.Equal("Hi &lt;there&gt;", sent.Text);
        Assert.Equal("Hi <there>", sent.VisibleText);
        Assert.Equal("Html", sent.ParseMode);
        Assert.Equal(["Got it"], sent.ButtonTexts);
        Assert.Equal(["ack:9"], sent.ButtonData);
        Assert.Equal(1, sent.MessageId);
    }

    [Fact]
    public async Task Empty_text_is_rejected()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(42, "<b></b>", ParseMode.Html));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: message text is empty", error.Message);
        Assert.Empty(Server.Sent);
    }

    [Fact]
    public async Task Text_of_4096_visible_characters_is_accepted()
    {
        var message = await Bot.SendMessage(42, "<b>" + new string('x', 4096) + "</b>", ParseMode.Html);

        Assert.Equal(4096, message.Text!.Length);
    }

    [Fact]
    public async Task Text_of_4097_visible_characters_is_too_long()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(42, new string('x', 4097)));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: message is too long", error.Message);
    }

    [Fact]
    public async Task An_entity_counts_as_one_character()
    {
        var text = new string('x', 4095) + "&amp;";

        var message = await Bot.SendMessage(42, text, ParseMode.Html);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(42, "x" + text, ParseMode.Html));

        Assert.Equal(4096, message.Text!.Length);
        Assert.Equal("Bad Request: message is too long", error.Message);
    }

    [Fact]
    public async Task Length_is_counted_in_utf16_code_units()
    {
        var emoji = "\U0001F600";

        var message = await Bot.SendMessage(42, string.Concat(Enumerable.Repeat(emoji, 2048)));
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(42, "x" + message.Text));

        Assert.Equal(4096, message.Text!.Length);
        Assert.Equal("Bad Request: message is too long", error.Message);
    }

    [Fact]
    public async Task Callback_data_over_64_bytes_is_rejected()
    {
        // 33 two-byte letters: 33 characters but 66 bytes.
        var data = new string('ж', 33);
        var markup = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Go", data));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(42, "hi", replyMarkup: markup));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", error.Message);
    }

    [Fact]
    public async Task Callback_data_of_exactly_64_bytes_is_accepted()
    {
        var markup = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Go", new string('ж', 32)));

        var message = await Bot.SendMessage(42, "hi", replyMarkup: markup);

        Assert.Equal(new string('ж', 32), message.ReplyMarkup!.InlineKeyboard.Single().Single().CallbackData);
    }

    [Fact]
    public async Task A_reply_keyboard_is_accepted_but_not_echoed()
    {
        var keyboard = new ReplyKeyboardMarkup(new KeyboardButton("Menu")) { ResizeKeyboard = true };

        var message = await Bot.SendMessage(42, "hi", replyMarkup: keyboard);

        Assert.Null(message.ReplyMarkup);
        Assert.Contains("\"keyboard\"", Assert.Single(Server.Sent).ReplyMarkupJson, StringComparison.Ordinal);
    }
}
