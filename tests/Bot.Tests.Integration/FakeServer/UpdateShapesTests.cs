using System.Text.Json.Nodes;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Bot.Tests.Integration.FakeServer;

public sealed class UpdateShapesTests : FakeServerTest
{
    [Fact]
    public async Task The_client_reads_every_kind_of_update_the_fake_makes()
    {
        Server.EnqueueText(42, "/start@fake_antifraud_bot now", firstName: "Ann", languageCode: "ru", username: "ann");
        await Bot.SendMessage(42, "Welcome", replyMarkup: new Telegram.Bot.Types.ReplyMarkups.InlineKeyboardMarkup(
            Telegram.Bot.Types.ReplyMarkups.InlineKeyboardButton.WithCallbackData("Ok", "ok")));
        Server.EnqueueCallback(42, "ok", chatId: 42, messageId: 2);
        Server.EnqueueMyChatMember(42, "member", "kicked");
        Server.EnqueueMyChatMember(42, "kicked", "member");
        Server.EnqueueEditedText(42, "/start edited");
        Server.EnqueueSticker(42);
        Server.EnqueuePhoto(42);
        Server.EnqueueText(7, "hello group", chatId: -100500);

        var updates = await Bot.GetUpdates();

        Assert.Equal(
            [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember, UpdateType.MyChatMember,
             UpdateType.EditedMessage, UpdateType.Message, UpdateType.Message, UpdateType.Message],
            updates.Select(u => u.Type));
        AssertCommand(updates[0].Message!);
        Assert.Equal(2, updates[1].CallbackQuery!.Message!.MessageId);
        Assert.Equal("ok", updates[1].CallbackQuery!.Message!.ReplyMarkup!.InlineKeyboard.Single().Single().CallbackData);
        Assert.IsType<ChatMemberBanned>(updates[2].MyChatMember!.NewChatMember);
        Assert.IsType<ChatMemberMember>(updates[2].MyChatMember!.OldChatMember);
        Assert.Equal(Server.BotId, updates[2].MyChatMember!.NewChatMember.User.Id);
        Assert.IsType<ChatMemberMember>(updates[3].MyChatMember!.NewChatMember);
        Assert.Equal("/start edited", updates[4].EditedMessage!.Text);
        Assert.Equal(1, updates[4].EditedMessage!.MessageId);
        Assert.NotNull(updates[4].EditedMessage!.EditDate);
        Assert.Equal(MessageType.Sticker, updates[5].Message!.Type);
        Assert.Null(updates[5].Message!.Text);
        Assert.Equal(MessageType.Photo, updates[6].Message!.Type);
        Assert.Equal(2, updates[6].Message!.Photo!.Length);
        Assert.Equal(ChatType.Supergroup, updates[7].Message!.Chat.Type);
        Assert.Equal(7, updates[7].Message!.From!.Id);
    }

    [Fact]
    public async Task Raw_updates_get_an_update_id()
    {
        var id = Server.EnqueueRaw(new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["message_id"] = 77,
                ["date"] = 1_700_000_000,
                ["chat"] = new JsonObject { ["id"] = 5, ["type"] = "private", ["first_name"] = "Raw" },
                ["text"] = "raw",
            },
        });

        var update = Assert.Single(await Bot.GetUpdates());

        Assert.Equal(id, update.Id);
        Assert.Equal("raw", update.Message!.Text);
    }

    private static void AssertCommand(Message message)
    {
        Assert.Equal("/start@fake_antifraud_bot now", message.Text);
        Assert.Equal(1, message.MessageId);
        Assert.Equal("ann", message.From!.Username);
        Assert.Equal("ru", message.From.LanguageCode);
        Assert.Equal(ChatType.Private, message.Chat.Type);
        Assert.Equal("Ann", message.Chat.FirstName);
        var command = Assert.Single(message.Entities!);
        Assert.Equal((MessageEntityType.BotCommand, 0, 25), (command.Type, command.Offset, command.Length));
    }
}
