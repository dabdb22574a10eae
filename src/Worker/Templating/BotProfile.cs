using Bot.Worker.Transport;

namespace Bot.Worker.Templating;

/// <summary>The bot's identity (getMe), filled in at start; templates show its username.</summary>
internal sealed class BotProfile
{
    public const string Hotline = "96110";

    public BotIdentity Identity { get; set; } = new(0, "Anti-Fraud Reminder Bot", "");
}
