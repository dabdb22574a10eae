using System.Globalization;
using Bot.Worker.Chats;
using Bot.Worker.Delivery;
using Microsoft.Extensions.Logging;
using Scriban.Runtime;

namespace Bot.Worker.Templating;

/// <summary>
/// The one place messages are rendered: adds what every template may use (lang, user, bot, now in
/// the reader's zone) to the template's own values and renders the live version in the sandbox. If
/// an admin's version fails for this recipient, the shipped version is used and the failure logged.
/// </summary>
internal sealed partial class MessageRenderer(TemplateCatalog catalog, TemplateSandbox sandbox, BotProfile bot, TimeProvider clock, BotMetrics metrics, ILogger<MessageRenderer> logger)
{
    public string Render(string template, Recipient to, object? values = null) => RenderVersioned(template, to, values).Html;

    /// <summary>Renders and says which version of the template the recipient saw (evidence for deadlines).</summary>
    public (string Html, int Version) RenderVersioned(string template, Recipient to, object? values = null)
    {
        var started = BotMetrics.RenderStarted();
        var compiled = catalog.Get(template, to.Language);
        var model = Model(to, values);
        try
        {
            return (sandbox.Render(compiled.Template, model).Trim(), compiled.Version);
        }
        catch (Exception ex) when (!compiled.IsShipped && catalog.Shipped(compiled.Key) is { } shipped)
        {
            LogFellBack(ex, compiled.Key.ToString(), compiled.Version);
            return (sandbox.Render(shipped.Template, model).Trim(), 0);
        }
        finally
        {
            metrics.RenderEnded(started);
        }
    }

    /// <summary>
    /// True when the live version of <paramref name="template"/> in <paramref name="language"/> reads nothing of its
    /// reader but the language and zone (no <c>user</c>): one rendering then serves every reader with that language and
    /// zone (a broadcast renders once per language instead of once per subscriber).
    /// </summary>
    public bool SameForEveryReader(string template, string language) =>
        !VariableReads.Reads(catalog.Get(template, language).Template, "user");

    public ScriptObject Model(Recipient to, object? values)
    {
        var model = values is null ? new ScriptObject() : ScriptModel.From(values);
        model["lang"] = to.Language;
        model["user"] = ScriptModel.From(new { Id = to.UserId, FirstName = to.FirstName, Username = to.Username ?? "" });
        model["bot"] = ScriptModel.From(new { Name = bot.Name(to.Language), bot.Identity.Username, Hotline = BotProfile.Hotline });
        model["now"] = Now(clock.GetUtcNow(), to.TimeZone);
        return model;
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

    [LoggerMessage(LogLevel.Error, "Template {Template} version {Version} failed to render; sent the shipped version instead")]
    private partial void LogFellBack(Exception ex, string template, int version);
}
