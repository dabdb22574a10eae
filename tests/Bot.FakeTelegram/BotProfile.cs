using System.Globalization;
using System.Text.Json.Nodes;

namespace Bot.FakeTelegram;

internal sealed record BotProfile(string Token, long Id, string Username, string FirstName)
{
    public static BotProfile FromToken(string token)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(token.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw new ArgumentException("A bot token looks like 123456789:AA...", nameof(token));
        }

        return new BotProfile(token, id, "fake_antifraud_bot", "Fake Anti-Fraud Bot");
    }

    public JsonObject UserJson() => new()
    {
        ["id"] = Id,
        ["is_bot"] = true,
        ["first_name"] = FirstName,
        ["username"] = Username,
    };

    public JsonObject GetMeJson()
    {
        var user = UserJson();
        user["can_join_groups"] = true;
        user["can_read_all_group_messages"] = false;
        user["supports_inline_queries"] = false;
        user["can_connect_to_business"] = false;
        user["has_main_web_app"] = false;
        return user;
    }
}
