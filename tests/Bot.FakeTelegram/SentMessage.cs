using System.Text.Json.Nodes;

namespace Bot.FakeTelegram;

// A sendMessage the fake accepted. Text is the raw text as sent; ReceivedTimestamp is
// Stopwatch.GetTimestamp() at acceptance (the instant flood limits are measured at).
public sealed record SentMessage(
    long ChatId,
    int MessageId,
    string Text,
    string? ParseMode,
    string? ReplyMarkupJson,
    long ReceivedTimestamp,
    DateTimeOffset ReceivedAt)
{
    // Text as the user sees it: tags stripped, entities decoded.
    public string VisibleText
    {
        get => field ?? Text;
        init;
    }

    // Every parameter of the request, as JSON.
    public string RequestJson { get; init; } = "{}";

    // Sent as a paid broadcast (allow_paid_broadcast: true).
    public bool Paid { get; init; }

    public IReadOnlyList<string> ButtonTexts => Buttons("text");

    public IReadOnlyList<string> ButtonData => Buttons("callback_data");

    private List<string> Buttons(string field)
    {
        var result = new List<string>();
        if (ReplyMarkupJson is null || JsonNode.Parse(ReplyMarkupJson)?["inline_keyboard"] is not JsonArray rows)
        {
            return result;
        }

        foreach (var button in rows.OfType<JsonArray>().SelectMany(row => row))
        {
            if (button?[field] is JsonValue value && value.TryGetValue<string>(out var text))
            {
                result.Add(text);
            }
        }

        return result;
    }
}
