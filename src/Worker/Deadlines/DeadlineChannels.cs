namespace Bot.Worker.Deadlines;

/// <summary>What deadlines.yaml may name beyond Telegram: the configured robots (Channels:Robots) and whether email is set up (Email:Host).</summary>
internal sealed record DeadlineChannels(IReadOnlyCollection<string> Robots, bool Email)
{
    public static readonly DeadlineChannels None = new([], false);

    /// <summary>The robot's name as configured (names are case-insensitive), or null.</summary>
    public string? Robot(string name) => Robots.FirstOrDefault(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
}
