namespace Bot.Worker.Channels;

/// <summary>The <c>Channels</c> configuration section: group robots by name.</summary>
public sealed class ChannelsOptions
{
    public const string Section = "Channels";

    public Dictionary<string, RobotOptions> Robots { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
