using System.Globalization;
using Scriban.Runtime;

namespace Bot.Worker.Templating;

/// <summary>
/// The one place messages are rendered: adds what every template may use (lang, user, bot, now in
/// the reader's zone) to the template's own values and renders in the sandbox.
/// </summary>
internal sealed class MessageRenderer(TemplateCatalog catalog, TemplateSandbox sandbox, BotProfile bot, TimeProvider clock)
{
    public string Render(string template, Recipient to, object? values = null)
    {
        var model = values is null ? new ScriptObject() : ScriptModel.From(values);
        model["lang"] = to.Language;
        model["user"] = ScriptModel.From(new { Id = to.UserId, FirstName = to.FirstName, Username = to.Username ?? "" });
        model["bot"] = ScriptModel.From(new { bot.Identity.Name, bot.Identity.Username, Hotline = BotProfile.Hotline });
        model["now"] = Now(clock.GetUtcNow(), to.TimeZone);
        return sandbox.Render(catalog.Get(template, to.Language), model).Trim();
    }

    public static ScriptObject Now(DateTimeOffset utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(utc, zone);
        return ScriptModel.From(new
        {
            Text = local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            Date = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Time = local.ToString("HH:mm", CultureInfo.InvariantCulture),
            Zone = zone.Id,
        });
    }
}
