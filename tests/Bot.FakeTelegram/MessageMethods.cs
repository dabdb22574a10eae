using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Bot.FakeTelegram;

// sendMessage, the edits, deleteMessage and sendChatAction.
internal sealed class MessageMethods(BotProfile bot, ChatBook chats, Journal journal, Faults faults, TimeProvider time)
{
    // Flood check, message_id and the Sent record happen together, so Sent is in acceptance order.
    private readonly Lock _acceptGate = new();

    public ApiResult SendMessage(ApiRequest request)
    {
        if (!request.TryGetChatId(out var chatId, out var error))
        {
            return error;
        }

        var text = request.GetString("text");
        var parseMode = request.GetString("parse_mode");
        var markup = request.GetJson("reply_markup");
        var textError = MessageValidator.ValidateText(text, parseMode, out var content);
        if ((faults.CheckChat(chatId) ?? textError ?? MessageValidator.ValidateMarkup(markup)) is { } rejected)
        {
            return rejected;
        }

        var paid = request.GetBool("allow_paid_broadcast");
        var markupJson = markup is null ? null : FakeJson.Serialize(markup);
        var inlineJson = IsInline(markup) ? markupJson : null;
        StoredMessage stored;
        lock (_acceptGate)
        {
            var now = Stopwatch.GetTimestamp();
            if ((paid ? faults.PaidFlood : faults.Flood) is { } flood && !flood.TryAcquire(chatId, now))
            {
                return ApiResult.Error(429, $"Too Many Requests: retry after {flood.RetryAfterSeconds}", flood.RetryAfterSeconds);
            }

            var at = time.GetUtcNow();
            stored = chats.Add(chatId, id => new StoredMessage(
                chatId, id, FromBot: true, at.ToUnixTimeSeconds(), content.VisibleText, content.Entities, inlineJson));
            journal.AddSent(new SentMessage(chatId, stored.MessageId, text!, parseMode, markupJson, now, at)
            {
                VisibleText = content.VisibleText,
                RequestJson = request.Json,
                Paid = paid,
            });
        }

        return ApiResult.Success(MessageJson.Build(stored, bot.UserJson(), chats.ChatJson(chatId)));
    }

    public ApiResult EditMessageText(ApiRequest request)
    {
        if (request.GetString("inline_message_id") is not null)
        {
            return ApiResult.True();
        }

        var text = request.GetString("text");
        var parseMode = request.GetString("parse_mode");
        var markup = request.GetJson("reply_markup");
        var textError = MessageValidator.ValidateText(text, parseMode, out var content);
        if ((FindEditable(request, out var existing) ?? textError ?? ValidateInlineMarkup(markup)) is { } rejected)
        {
            return rejected;
        }

        // Like Telegram, an edit without reply_markup removes the inline keyboard.
        return ApplyEdit(request, existing!, content.VisibleText, content.Entities, markup, text, parseMode);
    }

    public ApiResult EditMessageReplyMarkup(ApiRequest request)
    {
        if (request.GetString("inline_message_id") is not null)
        {
            return ApiResult.True();
        }

        var markup = request.GetJson("reply_markup");
        if ((FindEditable(request, out var existing) ?? ValidateInlineMarkup(markup)) is { } rejected)
        {
            return rejected;
        }

        return ApplyEdit(request, existing!, existing!.Text, existing.Entities, markup, text: null, parseMode: null);
    }

    public ApiResult DeleteMessage(ApiRequest request)
    {
        if (!request.TryGetChatId(out var chatId, out var error))
        {
            return error;
        }

        if (faults.CheckChat(chatId) is { } chatError)
        {
            return chatError;
        }

        return request.GetInt("message_id") is { } id && chats.Remove(chatId, id)
            ? ApiResult.True()
            : ApiResult.BadRequest("message to delete not found");
    }

    public ApiResult SendChatAction(ApiRequest request)
    {
        if (!request.TryGetChatId(out var chatId, out var error))
        {
            return error;
        }

        return faults.CheckChat(chatId)
            ?? (string.IsNullOrEmpty(request.GetString("action")) ? ApiResult.BadRequest("action is empty") : ApiResult.True());
    }

    private ApiResult ApplyEdit(
        ApiRequest request, StoredMessage existing, string visibleText, IReadOnlyList<TextEntity> entities, JsonNode? markup, string? text, string? parseMode)
    {
        var paid = request.GetBool("allow_paid_broadcast");
        var markupJson = markup is null ? null : FakeJson.Serialize(markup);
        if (existing.SameContent(visibleText, entities, markupJson))
        {
            return ApiResult.BadRequest("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
        }

        var at = time.GetUtcNow();
        var updated = existing with
        {
            Text = visibleText,
            Entities = entities,
            InlineMarkupJson = markupJson,
            EditDate = at.ToUnixTimeSeconds(),
        };
        chats.Replace(updated);
        journal.AddEdit(new MessageEdit(
            request.Method, existing.ChatId, existing.MessageId, text, parseMode, markupJson, Stopwatch.GetTimestamp(), at));
        return ApiResult.Success(MessageJson.Build(updated, bot.UserJson(), chats.ChatJson(existing.ChatId)));
    }

    private ApiResult? FindEditable(ApiRequest request, out StoredMessage? message)
    {
        message = null;
        if (!request.TryGetChatId(out var chatId, out var error))
        {
            return error;
        }

        if (faults.CheckChat(chatId) is { } chatError)
        {
            return chatError;
        }

        if (request.GetInt("message_id") is not { } messageId)
        {
            return ApiResult.BadRequest("message identifier is not specified");
        }

        message = chats.Find(chatId, messageId);
        if (message is null)
        {
            return ApiResult.BadRequest("message to edit not found");
        }

        return message.FromBot ? null : ApiResult.BadRequest("message can't be edited");
    }

    private static ApiResult? ValidateInlineMarkup(JsonNode? markup) =>
        markup is null || IsInline(markup)
            ? MessageValidator.ValidateMarkup(markup)
            : ApiResult.BadRequest("inline keyboard expected");

    private static bool IsInline(JsonNode? markup) => markup is JsonObject obj && obj.ContainsKey("inline_keyboard");
}
