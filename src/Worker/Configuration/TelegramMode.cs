namespace Bot.Worker.Configuration;

/// <summary>How updates reach the bot (<c>Telegram:Mode</c>).</summary>
public enum TelegramMode
{
    /// <summary>The leader long-polls getUpdates.</summary>
    Polling,

    /// <summary>Telegram posts each update to Telegram:WebhookUrl; any node may receive it.</summary>
    Webhook,
}
