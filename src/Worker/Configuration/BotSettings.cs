using Microsoft.Extensions.Options;

namespace Bot.Worker.Configuration;

/// <summary>Bot options resolved once: the default zone and who counts as an admin.</summary>
internal sealed class BotSettings(IOptions<BotOptions> bot, IOptions<TelegramOptions> telegram)
{
    private readonly Lazy<TimeZoneInfo> _zone = new(() => TimeZoneInfo.FindSystemTimeZoneById(bot.Value.TimeZone));

    public TimeZoneInfo TimeZone => _zone.Value;

    public string DefaultLanguage => bot.Value.DefaultLanguage;

    public IReadOnlyList<long> Admins => bot.Value.Admins;

    /// <summary>Configured admins; in console mode the local user is an admin too.</summary>
    public bool IsAdmin(long userId) =>
        bot.Value.IsAdmin(userId) || (telegram.Value.ConsoleMode && userId == bot.Value.ConsoleUserId);
}
