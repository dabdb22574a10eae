using System.Globalization;
using System.Text.Json.Nodes;

namespace Bot.FakeTelegram;

// Builds the payload of each update kind the way Telegram shapes it.
internal sealed class UpdateFactory(BotProfile bot, ChatBook chats, CallbackQueries callbacks, TimeProvider time)
{
    private long _fileCounter;

    public JsonObject Text(long userId, string text, string firstName, string? languageCode, long? chatId, string? username)
    {
        var chat = chatId ?? userId;
        chats.RememberUser(userId, firstName, username);

        var entities = CommandEntity(text);
        var message = chats.Add(chat, id => new StoredMessage(chat, id, FromBot: false, Now(), text, entities, null));
        return new JsonObject { ["message"] = MessageJson.Build(message, User(userId, firstName, languageCode, username), chats.ChatJson(chat)) };
    }

    public JsonObject EditedText(long userId, string text)
    {
        var edited = chats.LastUserMessage(userId) is { } last
            ? last with { Text = text, Entities = CommandEntity(text) }
            : chats.Add(userId, id => new StoredMessage(userId, id, FromBot: false, Now(), text, CommandEntity(text), null));
        edited = edited with { EditDate = Now() };
        chats.Replace(edited);
        return new JsonObject { ["edited_message"] = MessageJson.Build(edited, User(userId), chats.ChatJson(userId)) };
    }

    public JsonObject Callback(long userId, string data, long chatId, int messageId, string firstName, string? languageCode)
    {
        // A callback may refer to a message the fake did not see being sent; remember it for edits.
        var message = chats.GetOrAdd(chatId, messageId, () =>
            new StoredMessage(chatId, messageId, FromBot: true, Now(), "Message " + messageId.ToString(CultureInfo.InvariantCulture), [], null));
        return new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = callbacks.Issue(),
                ["from"] = User(userId, firstName, languageCode),
                ["message"] = MessageJson.Build(message, bot.UserJson(), chats.ChatJson(chatId)),
                ["chat_instance"] = ((chatId * 7_919) ^ bot.Id).ToString(CultureInfo.InvariantCulture),
                ["data"] = data,
            },
        };
    }

    public JsonObject MyChatMember(long userId, string oldStatus, string newStatus) => new()
    {
        ["my_chat_member"] = new JsonObject
        {
            ["chat"] = chats.ChatJson(userId),
            ["from"] = User(userId),
            ["date"] = Now(),
            ["old_chat_member"] = Member(oldStatus),
            ["new_chat_member"] = Member(newStatus),
        },
    };

    public JsonObject Sticker(long userId)
    {
        var n = Interlocked.Increment(ref _fileCounter);
        var message = UserMessage(userId);
        message["sticker"] = new JsonObject
        {
            ["file_id"] = $"CAACAgIAAxkBAAFake{n}",
            ["file_unique_id"] = $"AgADFake{n}",
            ["type"] = "regular",
            ["width"] = 512,
            ["height"] = 512,
            ["is_animated"] = false,
            ["is_video"] = false,
            ["emoji"] = "\U0001F44D",
            ["set_name"] = "FakeStickers",
        };
        return new JsonObject { ["message"] = message };
    }

    public JsonObject Photo(long userId)
    {
        var n = Interlocked.Increment(ref _fileCounter);
        var message = UserMessage(userId);
        message["photo"] = new JsonArray(PhotoSize(n, "s", 90, 67), PhotoSize(n, "m", 320, 240));
        return new JsonObject { ["message"] = message };
    }

    // Telegram marks a leading /command (with an optional @botname) as a bot_command entity.
    private static TextEntity[] CommandEntity(string text)
    {
        if (text.Length < 2 || text[0] != '/')
        {
            return [];
        }

        var end = 1;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '@'))
        {
            end++;
        }

        return end > 1 ? [new TextEntity("bot_command", 0, end)] : [];
    }

    private JsonObject UserMessage(long userId)
    {
        var message = chats.Add(userId, id => new StoredMessage(userId, id, FromBot: false, Now(), string.Empty, [], null));
        var json = MessageJson.Build(message, User(userId), chats.ChatJson(userId));
        json.Remove("text");
        return json;
    }

    private JsonObject Member(string status)
    {
        if (status is not ("member" or "kicked" or "left"))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "The fake builds member, kicked and left.");
        }

        var member = new JsonObject { ["status"] = status, ["user"] = bot.UserJson() };
        if (status == "kicked")
        {
            member["until_date"] = 0;
        }

        return member;
    }

    private static JsonObject PhotoSize(long n, string size, int width, int height) => new()
    {
        ["file_id"] = $"AgACAgIAAxkBAAFake{n}{size}",
        ["file_unique_id"] = $"AQADFake{n}{size}",
        ["file_size"] = width * height / 4,
        ["width"] = width,
        ["height"] = height,
    };

    private JsonObject User(long userId, string? firstName = null, string? languageCode = null, string? username = null)
    {
        var known = chats.UserInfo(userId);
        username ??= known.Username;
        var user = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = firstName ?? known.FirstName };
        if (username is not null)
        {
            user["username"] = username;
        }

        if (languageCode is not null)
        {
            user["language_code"] = languageCode;
        }

        return user;
    }

    private long Now() => time.GetUtcNow().ToUnixTimeSeconds();
}
