using System.Text.Json.Nodes;

namespace Bot.FakeTelegram;

// Per-chat state: the message_id counter (shared by user and bot messages, as in Telegram),
// the user's name for chat objects, and the messages the fake knows about.
internal sealed class ChatBook
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, ChatState> _chats = [];

    public void RememberUser(long chatId, string firstName, string? username)
    {
        lock (_gate)
        {
            var chat = Get(chatId);
            chat.FirstName = firstName;
            chat.Username = username;
        }
    }

    // Assigns the next message_id of the chat and stores the message built for it.
    public StoredMessage Add(long chatId, Func<int, StoredMessage> build)
    {
        lock (_gate)
        {
            var chat = Get(chatId);
            var message = build(++chat.LastMessageId);
            chat.Messages[message.MessageId] = message;
            if (!message.FromBot)
            {
                chat.LastUserMessageId = message.MessageId;
            }

            return message;
        }
    }

    public StoredMessage? Find(long chatId, int messageId)
    {
        lock (_gate)
        {
            return _chats.TryGetValue(chatId, out var chat) && chat.Messages.TryGetValue(messageId, out var m) ? m : null;
        }
    }

    public StoredMessage? LastUserMessage(long chatId)
    {
        lock (_gate)
        {
            return _chats.TryGetValue(chatId, out var chat) ? chat.Messages.GetValueOrDefault(chat.LastUserMessageId) : null;
        }
    }

    // Remembers a message the test refers to without having sent it (e.g. a callback's message).
    public StoredMessage GetOrAdd(long chatId, int messageId, Func<StoredMessage> build)
    {
        lock (_gate)
        {
            var chat = Get(chatId);
            if (!chat.Messages.TryGetValue(messageId, out var message))
            {
                message = build();
                chat.Messages[messageId] = message;
                chat.LastMessageId = Math.Max(chat.LastMessageId, messageId);
            }

            return message;
        }
    }

    public void Replace(StoredMessage message)
    {
        lock (_gate)
        {
            Get(message.ChatId).Messages[message.MessageId] = message;
        }
    }

    public bool Remove(long chatId, int messageId)
    {
        lock (_gate)
        {
            return _chats.TryGetValue(chatId, out var chat) && chat.Messages.Remove(messageId);
        }
    }

    public (string FirstName, string? Username) UserInfo(long chatId)
    {
        lock (_gate)
        {
            var chat = Get(chatId);
            return (chat.FirstName, chat.Username);
        }
    }

    public JsonObject ChatJson(long chatId)
    {
        var (firstName, username) = UserInfo(chatId);

        // Positive ids are users' private chats; negative ones groups (the fake says supergroup).
        if (chatId < 0)
        {
            return new JsonObject { ["id"] = chatId, ["title"] = "Test Group", ["type"] = "supergroup" };
        }

        var json = new JsonObject { ["id"] = chatId, ["first_name"] = firstName };
        if (username is not null)
        {
            json["username"] = username;
        }

        json["type"] = "private";
        return json;
    }

    private ChatState Get(long chatId)
    {
        if (!_chats.TryGetValue(chatId, out var chat))
        {
            chat = new ChatState();
            _chats[chatId] = chat;
        }

        return chat;
    }

    private sealed class ChatState
    {
        public int LastMessageId { get; set; }

        public int LastUserMessageId { get; set; }

        public string FirstName { get; set; } = "Test";

        public string? Username { get; set; }

        public Dictionary<int, StoredMessage> Messages { get; } = [];
    }
}
