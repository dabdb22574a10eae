using System.Text.Json.Nodes;

namespace Bot.FakeTelegram;

// What one Bot API call answers: a result (status 200) or Telegram's error shape.
internal readonly record struct ApiResult(int StatusCode, JsonNode? Result, string? Description, int? RetryAfter)
{
    // Not an HTTP answer: the client went away, nothing is written.
    public const int ClientClosedRequest = 499;

    public bool Ok => StatusCode == 200;

    public static ApiResult Success(JsonNode? result) => new(200, result, null, null);

    public static ApiResult True() => Success(JsonValue.Create(true));

    public static ApiResult Error(int errorCode, string description, int? retryAfter = null) =>
        new(errorCode, null, description, retryAfter);

    public static ApiResult BadRequest(string reason) => Error(400, "Bad Request: " + reason);
}
