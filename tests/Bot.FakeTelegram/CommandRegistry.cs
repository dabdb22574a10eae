using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Bot.FakeTelegram;

// setMyCommands per (scope, language_code). Keys read "default", "all_private_chats|ru",
// "chat:-100123", "chat_member:-100123:42|en".
internal sealed class CommandRegistry
{
    private readonly ConcurrentDictionary<string, string> _commands = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, JsonNode> Snapshot() =>
        _commands.ToDictionary(kv => kv.Key, kv => JsonNode.Parse(kv.Value)!, StringComparer.Ordinal);

    public static string Key(string scopeType, string? languageCode, long? chatId, long? userId)
    {
        var key = scopeType;
        if (chatId is { } chat)
        {
            key += ":" + chat.ToString(CultureInfo.InvariantCulture);
        }

        if (userId is { } user)
        {
            key += ":" + user.ToString(CultureInfo.InvariantCulture);
        }

        return string.IsNullOrEmpty(languageCode) ? key : key + "|" + languageCode;
    }

    public ApiResult Set(ApiRequest request)
    {
        if (request.GetJson("commands") is not JsonArray commands)
        {
            return ApiResult.BadRequest("parameter \"commands\" is required");
        }

        if (commands.Count > 100)
        {
            return ApiResult.BadRequest("BOT_COMMANDS_TOO_MUCH");
        }

        foreach (var command in commands)
        {
            var name = command?["command"]?.GetValue<string>() ?? string.Empty;
            var description = command?["description"]?.GetValue<string>() ?? string.Empty;
            if (name.Length is 0 or > 32 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                return ApiResult.BadRequest("BOT_COMMAND_INVALID");
            }

            if (description.Length is 0 or > 256)
            {
                return ApiResult.BadRequest("BOT_COMMAND_DESCRIPTION_INVALID");
            }
        }

        _commands[KeyOf(request)] = FakeJson.Serialize(commands);
        return ApiResult.True();
    }

    public ApiResult Get(ApiRequest request) =>
        ApiResult.Success(_commands.TryGetValue(KeyOf(request), out var json) ? JsonNode.Parse(json) : new JsonArray());

    public ApiResult Delete(ApiRequest request)
    {
        _commands.TryRemove(KeyOf(request), out _);
        return ApiResult.True();
    }

    private static string KeyOf(ApiRequest request)
    {
        var scope = request.GetJson("scope") as JsonObject;
        var type = scope?["type"]?.GetValue<string>() ?? "default";
        var chatId = scope?["chat_id"] is JsonValue chat && chat.TryGetValue<long>(out var c) ? c : (long?)null;
        var userId = scope?["user_id"] is JsonValue user && user.TryGetValue<long>(out var u) ? u : (long?)null;
        return Key(type, request.GetString("language_code"), chatId, userId);
    }
}
