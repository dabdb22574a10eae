using System.ComponentModel.DataAnnotations;

namespace Bot.Worker.Configuration;

/// <summary>The <c>Telegram</c> configuration section.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>Bot token; empty selects the console transport.</summary>
    [RegularExpression(@"^$|^[0-9]{1,20}:[A-Za-z0-9_-]{20,100}$",
        ErrorMessage = "Telegram:Token is malformed: expected '<digits>:<letters, digits, _ or ->' as issued by @BotFather (or empty for console mode)")]
    public string Token { get; set; } = "";

    [Required(ErrorMessage = "Telegram:ApiBaseUrl must be set")]
    [AbsoluteHttpUrl]
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>Long-poll timeout of getUpdates.</summary>
    [Range(0, 50, ErrorMessage = "Telegram:PollTimeoutSeconds must be between 0 and 50")]
    public int PollTimeoutSeconds { get; set; } = 25;

    /// <summary>How updates arrive: the leader long-polls getUpdates, or Telegram posts them to <see cref="WebhookUrl"/>.</summary>
    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>With <see cref="TelegramMode.Webhook"/>: the public URL Telegram posts to; the worker serves its path.</summary>
    public string WebhookUrl { get; set; } = "";

    /// <summary>With <see cref="TelegramMode.Webhook"/>: sent to setWebhook as secret_token and required on every post. Never logged.</summary>
    public string WebhookSecret { get; set; } = "";

    public bool ConsoleMode => Token.Length == 0;
}
