using Bot.Worker.Configuration;
using Bot.Worker.Transport;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Templating;

/// <summary>The bot's identity (getMe), filled in at start; templates show its name and username.</summary>
internal sealed class BotProfile(Labels labels, IOptions<BotOptions> options)
{
    public const string Hotline = "96110";

    /// <summary>Id 0 until getMe answered (and always in console mode, which has no Telegram name).</summary>
    public BotIdentity Identity { get; set; } = new(0, "", "");

    /// <summary><c>Bot:Name</c> if set, else the name Telegram gave, else the localized label (console mode).</summary>
    public string Name(string language) =>
        options.Value.Name.Length > 0 ? options.Value.Name
        : Identity.Id != 0 && Identity.Name.Length > 0 ? Identity.Name
        : labels.Get(language, "bot.name");
}
