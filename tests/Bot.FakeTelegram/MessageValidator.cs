using System.Text;
using System.Text.Json.Nodes;

namespace Bot.FakeTelegram;

// Telegram's checks on message text and inline keyboards, with its error descriptions.
internal static class MessageValidator
{
    public const int MaxTextLength = 4096;
    public const int MaxCallbackDataBytes = 64;

    public static ApiResult? ValidateText(string? text, string? parseMode, out MessageContent content)
    {
        content = new MessageContent(string.Empty, []);
        if (string.IsNullOrEmpty(text))
        {
            return ApiResult.BadRequest("message text is empty");
        }

        if (string.IsNullOrEmpty(parseMode))
        {
            content = new MessageContent(text, []);
        }
        else if (parseMode.Equals("HTML", StringComparison.OrdinalIgnoreCase))
        {
            var html = TelegramHtml.Validate(text);
            if (!html.Ok)
            {
                return ApiResult.BadRequest("can't parse entities: " + html.Error);
            }

            content = new MessageContent(html.VisibleText, html.Entities);
        }
        else if (parseMode.Equals("Markdown", StringComparison.OrdinalIgnoreCase)
            || parseMode.Equals("MarkdownV2", StringComparison.OrdinalIgnoreCase))
        {
            // Markdown is not interpreted by the fake: the raw text counts.
            content = new MessageContent(text, []);
        }
        else
        {
            return ApiResult.BadRequest("unsupported parse_mode");
        }

        // Telegram trims the text; whitespace or empty tags alone are an empty message.
        if (string.IsNullOrWhiteSpace(content.VisibleText))
        {
            return ApiResult.BadRequest("message text is empty");
        }

        return content.VisibleText.Length > MaxTextLength ? ApiResult.BadRequest("message is too long") : null;
    }

    public static ApiResult? ValidateMarkup(JsonNode? markup)
    {
        if (markup is null)
        {
            return null;
        }

        if (markup is not JsonObject obj)
        {
            return ApiResult.BadRequest("can't parse reply keyboard markup JSON object");
        }

        if (!obj.ContainsKey("inline_keyboard"))
        {
            return null;
        }

        if (obj["inline_keyboard"] is not JsonArray rows || rows.Any(r => r is not JsonArray))
        {
            return ApiResult.BadRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
        }

        foreach (var button in rows.Cast<JsonArray>().SelectMany(row => row))
        {
            if (ValidateButton(button) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static ApiResult? ValidateButton(JsonNode? button)
    {
        if (button is not JsonObject obj || obj["text"] is not JsonValue textValue
            || !textValue.TryGetValue<string>(out var text) || text.Length == 0)
        {
            return ApiResult.BadRequest("can't parse inline keyboard button: Text must be non-empty");
        }

        if (obj.Count == 1)
        {
            return ApiResult.BadRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        }

        if (obj.ContainsKey("callback_data"))
        {
            var data = obj["callback_data"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty;
            var bytes = Encoding.UTF8.GetByteCount(data);
            if (bytes is 0 or > MaxCallbackDataBytes)
            {
                return ApiResult.BadRequest("BUTTON_DATA_INVALID");
            }
        }

        if (obj.ContainsKey("url") && (obj["url"] is not JsonValue url || !url.TryGetValue<string>(out var u) || !Uri.TryCreate(u, UriKind.Absolute, out _)))
        {
            return ApiResult.BadRequest("BUTTON_URL_INVALID");
        }

        return null;
    }
}
