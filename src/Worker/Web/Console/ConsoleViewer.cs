using System.Globalization;
using System.Security.Claims;
using Bot.Worker.Chats;
using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Bot.Worker.Templating;

namespace Bot.Worker.Web.Console;

/// <summary>
/// Who is looking at a console page (per request): the admin's id, and the language and time zone the
/// pages speak, which are the admin's chat language (set with /lang) and the bot's zone.
/// </summary>
internal sealed class ConsoleViewer(ChatStore chats, BotSettings settings, Labels labels)
{
    public long? AdminId { get; private set; }

    public string Language { get; private set; } = settings.DefaultLanguage;

    public TimeZoneInfo TimeZone => settings.TimeZone;

    /// <summary>The signed-in admin from the session cookie's claim, or null.</summary>
    public static long? AdminOf(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>Speaks the language of <paramref name="adminId"/>'s chat from now on (default language when unknown).</summary>
    public async Task UseAsync(long? adminId, CancellationToken ct)
    {
        AdminId = adminId;
        var chat = adminId is { } id ? await chats.FindAsync(id, ct) : null;
        Language = chat?.Language ?? settings.DefaultLanguage;
    }

    /// <summary>Speaks the language of <paramref name="chatId"/>'s chat (a page for someone who is not signed in, such as an ack link's person).</summary>
    public async Task SpeakAsAsync(long? chatId, CancellationToken ct)
    {
        var chat = chatId is { } id ? await chats.FindAsync(id, ct) : null;
        Language = chat?.Language ?? settings.DefaultLanguage;
    }

    public string T(string key) => labels.Get(Language, key);

    public string T(string key, object arg) => string.Format(CultureInfo.InvariantCulture, T(key), arg);

    /// <summary>"yyyy-MM-dd HH:mm" on the bot's wall clock, as in chat messages.</summary>
    public string Local(DateTimeOffset instant) => LocalTime.Text(instant, TimeZone);

    /// <summary>The html lang attribute.</summary>
    public string HtmlLanguage => Language;
}
