using System.ComponentModel.DataAnnotations;

namespace Bot.Worker.Configuration;

/// <summary>The <c>Bot</c> configuration section.</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>Telegram numeric user ids of the admins.</summary>
    public List<long> Admins { get; set; } = [];

    /// <summary>The name templates show as <c>bot.name</c>; empty: Telegram's name (getMe), else the localized <c>bot.name</c> label.</summary>
    [MaxLength(64, ErrorMessage = "Bot:Name must be at most 64 characters")]
    public string Name { get; set; } = "";

    [IanaTimeZone]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    [AllowedValues("zh-Hans", "zh-Hant", "en", ErrorMessage = "Bot:DefaultLanguage must be one of zh-Hans, zh-Hant, en")]
    public string DefaultLanguage { get; set; } = "zh-Hans";

    [Required(ErrorMessage = "Bot:DeadlinesFile must be set")]
    public string DeadlinesFile { get; set; } = "config/deadlines.yaml";

    [Required(ErrorMessage = "Bot:CampaignsFile must be set")]
    public string CampaignsFile { get; set; } = "config/campaigns.yaml";

    [Required(ErrorMessage = "Bot:ScamSignsFile must be set")]
    public string ScamSignsFile { get; set; } = "config/scam-signs.yaml";

    [Required(ErrorMessage = "Bot:KnownNumbersFile must be set")]
    public string KnownNumbersFile { get; set; } = "config/known-numbers.yaml";

    /// <summary>User id that console mode acts as; always treated as an admin.</summary>
    public long ConsoleUserId { get; set; } = 1;

    public bool IsAdmin(long userId) => Admins.Contains(userId);
}
