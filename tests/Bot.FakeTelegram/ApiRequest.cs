using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.FakeTelegram;

// The parameters of one call, merged from the JSON body, a form and the query string.
// Values may be JSON typed or strings (form and query), so every getter accepts both.
internal sealed class ApiRequest(string method, JsonObject args, CancellationToken aborted)
{
    public string Method { get; } = method;

    public JsonObject Args { get; } = args;

    public CancellationToken Aborted { get; } = aborted;

    public string Json => field ??= FakeJson.Serialize(Args);

    public string? GetString(string name) => Args[name] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    public long? GetLong(string name) => Args[name] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n) => n,
        JsonValue v when v.GetValueKind() == JsonValueKind.String
            && long.TryParse(v.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    public int? GetInt(string name) => GetLong(name) is { } n ? (int)Math.Clamp(n, int.MinValue, int.MaxValue) : null;

    public bool GetBool(string name) => Args[name] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => bool.TryParse(v.GetValue<string>(), out var b) && b,
        _ => false,
    };

    // Objects and arrays; form and query send them as JSON-serialized strings.
    public JsonNode? GetJson(string name)
    {
        var node = Args[name];
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            try
            {
                return JsonNode.Parse(v.GetValue<string>());
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return node;
    }

    // chat_id is a number, or "@username" which the fake does not know.
    public bool TryGetChatId(out long chatId, out ApiResult error)
    {
        error = default;
        if (GetLong("chat_id") is { } id)
        {
            chatId = id;
            return true;
        }

        chatId = 0;
        error = Args["chat_id"] is null ? ApiResult.BadRequest("chat_id is empty") : ApiResult.BadRequest("chat not found");
        return false;
    }
}
