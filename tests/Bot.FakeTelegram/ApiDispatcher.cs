using System.Collections.Frozen;

namespace Bot.FakeTelegram;

// Method name (case-insensitive, as Telegram) to handler; injected failures come first.
internal sealed class ApiDispatcher
{
    private readonly FrozenDictionary<string, ApiMethod> _methods;
    private readonly Faults _faults;

    public ApiDispatcher(BotMethods bot, MessageMethods messages, CommandRegistry commands, UpdateQueue updates, Faults faults)
    {
        _faults = faults;
        ApiMethod[] methods =
        [
            new("getMe", r => new(bot.GetMe(r))),
            new("getUpdates", updates.GetUpdatesAsync),
            new("sendMessage", r => new(messages.SendMessage(r))),
            new("editMessageText", r => new(messages.EditMessageText(r))),
            new("editMessageReplyMarkup", r => new(messages.EditMessageReplyMarkup(r))),
            new("deleteMessage", r => new(messages.DeleteMessage(r))),
            new("sendChatAction", r => new(messages.SendChatAction(r))),
            new("answerCallbackQuery", r => new(bot.AnswerCallbackQuery(r))),
            new("setMyCommands", r => new(commands.Set(r))),
            new("getMyCommands", r => new(commands.Get(r))),
            new("deleteMyCommands", r => new(commands.Delete(r))),
            new("setWebhook", r => new(bot.SetWebhook(r))),
            new("deleteWebhook", r => new(bot.DeleteWebhook(r))),
            new("getWebhookInfo", r => new(bot.GetWebhookInfo(r))),
        ];
        _methods = methods.ToFrozenDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);
    }

    public bool TryGet(string name, out ApiMethod method) => _methods.TryGetValue(name, out method!);

    public ValueTask<ApiResult> InvokeAsync(ApiMethod method, ApiRequest request) =>
        _faults.TakeInjected(method.Name, request.GetLong("chat_id")) is { } injected
            ? new ValueTask<ApiResult>(injected)
            : method.Handle(request);
}
