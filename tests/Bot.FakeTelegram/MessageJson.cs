using System.Text.Json.Nodes;

namespace Bot.FakeTelegram;

internal static class MessageJson
{
    public static JsonObject Build(StoredMessage message, JsonObject from, JsonObject chat)
    {
        var json = new JsonObject
        {
            ["message_id"] = message.MessageId,
            ["from"] = from,
            ["chat"] = chat,
            ["date"] = message.Date,
        };
        if (message.EditDate is { } editDate)
        {
            json["edit_date"] = editDate;
        }

        json["text"] = message.Text;
        if (message.Entities.Count > 0)
        {
            json["entities"] = Entities(message.Entities);
        }

        if (message.InlineMarkupJson is not null)
        {
            json["reply_markup"] = JsonNode.Parse(message.InlineMarkupJson);
        }

        return json;
    }

    public static JsonArray Entities(IEnumerable<TextEntity> entities)
    {
        var array = new JsonArray();
        foreach (var e in entities)
        {
            var json = new JsonObject { ["offset"] = e.Offset, ["length"] = e.Length, ["type"] = e.Type };
            if (e.Url is not null)
            {
                json["url"] = e.Url;
            }

            if (e.Language is not null)
            {
                json["language"] = e.Language;
            }

            if (e.CustomEmojiId is not null)
            {
                json["custom_emoji_id"] = e.CustomEmojiId;
            }

            array.Add(json);
        }

        return array;
    }
}
