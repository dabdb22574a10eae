using System.ComponentModel.DataAnnotations;

namespace Bot.Worker.Configuration;

/// <summary>The <c>Delivery</c> configuration section.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Ceiling on messages per second over all chats; 0 turns the limit off.</summary>
    [Range(0, 1000, ErrorMessage = "Delivery:GlobalRatePerSecond must be between 0 (no limit) and 1000")]
    public int GlobalRatePerSecond { get; set; } = 25;

    /// <summary>Minimum gap between two messages to one private chat; 0 turns it off.</summary>
    [Range(0, 60_000, ErrorMessage = "Delivery:PerChatIntervalMs must be between 0 and 60000")]
    public int PerChatIntervalMs { get; set; } = 1000;

    /// <summary>Messages to one group in any 60 s (Telegram allows about 20 a minute); 0 turns the limit off.</summary>
    [Range(0, 60, ErrorMessage = "Delivery:GroupMessagesPerMinute must be between 0 (no limit) and 60")]
    public int GroupMessagesPerMinute { get; set; } = 20;

    /// <summary>Tries before a row whose sends keep failing (network, 5xx) is recorded as failed.</summary>
    [Range(1, 100, ErrorMessage = "Delivery:MaxAttempts must be between 1 and 100")]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Sends in flight at once (to different chats).</summary>
    [Range(1, 64, ErrorMessage = "Delivery:MaxParallelSends must be between 1 and 64")]
    public int MaxParallelSends { get; set; } = 8;

    /// <summary>
    /// Approved alerts and campaign runs go with Telegram's <c>allow_paid_broadcast</c> (0.1 Star a message, from the bot's
    /// balance) at up to <see cref="PaidRatePerSecond"/>; replies and reminders keep the free budget.
    /// </summary>
    public bool PaidBroadcast { get; set; }

    /// <summary>Ceiling on paid broadcast messages per second (Telegram allows up to 1000).</summary>
    [Range(1, 1000, ErrorMessage = "Delivery:PaidRatePerSecond must be between 1 and 1000")]
    public int PaidRatePerSecond { get; set; } = 1000;

    /// <summary>Safety margin added to the one-second window of the global limit.</summary>
    [Range(0, 1000, ErrorMessage = "Delivery:WindowMarginMs must be between 0 and 1000")]
    public int WindowMarginMs { get; set; } = 25;
}
