using System.Text.Json.Nodes;

namespace Bot.FakeTelegram;

// One HTTP request to the fake, failed ones included. Recorded when its answer is decided,
// so a long poll shows up when it returns. Timestamps are Stopwatch.GetTimestamp().
public sealed record ApiCall(
    string Method,
    string RequestJson,
    int StatusCode,
    string? ErrorDescription,
    long ReceivedTimestamp,
    long CompletedTimestamp,
    DateTimeOffset ReceivedAt)
{
    public long? ChatId { get; init; }

    /// <summary>The host name the client called the server by (127.0.0.1, or localhost): which worker made the call, in a test of two.</summary>
    public string? Via { get; init; }

    public bool Ok => StatusCode == 200;

    public JsonObject Request() => JsonNode.Parse(RequestJson) as JsonObject ?? [];
}
