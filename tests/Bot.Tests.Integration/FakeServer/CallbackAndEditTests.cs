using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Bot.Tests.Integration.FakeServer;

public sealed class CallbackAndEditTests : FakeServerTest
{
    private static readonly InlineKeyboardMarkup AckKeyboard = new(InlineKeyboardButton.WithCallbackData("Got it", "ack:1"));

    [Fact]
    public async Task A_callback_query_carries_the_message_it_belongs_to()
    {
        var sent = await Bot.SendMessage(42, "Deadline today", replyMarkup: AckKeyboard);
        Server.EnqueueCallback(42, "ack:1", chatId: 42, messageId: sent.MessageId, firstName: "Ann", languageCode: "ru");

        var update = Assert.Single(await Bot.GetUpdates());

        Assert.Equal(UpdateType.CallbackQuery, update.Type);
        var query = update.CallbackQuery!;
        Assert.Equal("ack:1", query.Data);
        Assert.Equal(42, query.From.Id);
        Assert.Equal("Ann", query.From.FirstName);
        Assert.Equal("ru", query.From.LanguageCode);
        Assert.Equal(sent.MessageId, query.Message!.MessageId);
        Assert.Equal("Deadline today", query.Message.Text);
        Assert.False(string.IsNullOrEmpty(query.Id));
    }

    [Fact]
    public async Task A_callback_query_is_answered_once()
    {
        Server.EnqueueCallback(42, "ack:1", chatId: 42, messageId: 5);
        var query = Assert.Single(await Bot.GetUpdates()).CallbackQuery!;

        await Bot.AnswerCallbackQuery(query.Id, "Thanks", showAlert: true);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.AnswerCallbackQuery(query.Id));

        var answer = Assert.Single(Server.CallbackAnswers);
        Assert.Equal(query.Id, answer.CallbackQueryId);
        Assert.Equal("Thanks", answer.Text);
        Assert.True(answer.ShowAlert);
        Assert.Equal(400, error.ErrorCode);
        Assert.Contains("query ID is invalid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditMessageReplyMarkup_removes_the_keyboard_and_is_recorded()
    {
        var sent = await Bot.SendMessage(42, "Deadline today", replyMarkup: AckKeyboard);

        var edited = await Bot.EditMessageReplyMarkup(42, sent.MessageId, replyMarkup: null);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.EditMessageReplyMarkup(42, sent.MessageId, replyMarkup: null));

        Assert.Null(edited.ReplyMarkup);
        Assert.NotNull(edited.EditDate);
        Assert.Equal("Deadline today", edited.Text);
        var edit = Assert.Single(Server.Edits);
        Assert.Equal(("editMessageReplyMarkup", 42L, sent.MessageId), (edit.Method, edit.ChatId, edit.MessageId));
        Assert.StartsWith("Bad Request: message is not modified", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditMessageText_is_validated_like_sendMessage()
    {
        var sent = await Bot.SendMessage(42, "Old", replyMarkup: AckKeyboard);

        var bad = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.EditMessageText(42, sent.MessageId, "<b>New", ParseMode.Html));
        var edited = await Bot.EditMessageText(42, sent.MessageId, "<b>New</b> &amp; improved", ParseMode.Html);

        Assert.StartsWith("Bad Request: can't parse entities", bad.Message, StringComparison.Ordinal);
        Assert.Equal("New & improved", edited.Text);
        Assert.Null(edited.ReplyMarkup);
        Assert.Equal("<b>New</b> &amp; improved", Assert.Single(Server.Edits).Text);
    }

    [Fact]
    public async Task Editing_an_unknown_message_is_not_found()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.EditMessageText(42, 999, "text"));

        Assert.Equal("Bad Request: message to edit not found", error.Message);
    }

    [Fact]
    public async Task Deleting_a_sent_message_works_once()
    {
        var sent = await Bot.SendMessage(42, "bye");

        await Bot.DeleteMessage(42, sent.MessageId);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.DeleteMessage(42, sent.MessageId));

        Assert.Equal("Bad Request: message to delete not found", error.Message);
    }
}
