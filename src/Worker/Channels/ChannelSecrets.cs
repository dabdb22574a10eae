using Microsoft.Extensions.Configuration;

namespace Bot.Worker.Channels;

/// <summary>The channels' secrets as configured (robot URL keys and tokens, signing secrets, the SMTP password), for the log redactor.</summary>
internal static class ChannelSecrets
{
    public static IReadOnlyList<string> From(IConfiguration configuration)
    {
        var secrets = new List<string>();
        foreach (var robot in configuration.GetSection($"{ChannelsOptions.Section}:Robots").GetChildren())
        {
            secrets.AddRange(WebhookUrls.Secrets(robot["Url"] ?? ""));
            secrets.Add(robot["Secret"] ?? "");
        }
        secrets.Add(configuration[$"{EmailOptions.Section}:Password"] ?? "");
        return [.. secrets.Where(s => s.Length >= 4).Distinct()];
    }
}
