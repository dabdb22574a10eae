using Microsoft.Extensions.Options;

namespace Bot.Worker.Channels;

/// <summary>Every robot of <c>Channels:Robots</c>, by name (case-insensitive), each with its client and its own limiter.</summary>
internal sealed class RobotChannels
{
    private readonly Dictionary<string, RobotChannel> _robots = new(StringComparer.OrdinalIgnoreCase);

    public RobotChannels(IOptions<ChannelsOptions> options, IEnumerable<IRobotClient> clients, TimeProvider time)
    {
        var byKind = clients.ToDictionary(c => c.Kind);
        foreach (var (name, robot) in options.Value.Robots)
        {
            var endpoint = RobotEndpoint.From(name, robot);
            _robots[name] = new RobotChannel(endpoint, byKind[endpoint.Kind], ChannelLimiter.ForRobot(robot, time));
        }
    }

    public IReadOnlyCollection<string> Names => _robots.Keys;

    public RobotChannel? Find(string name) => _robots.GetValueOrDefault(name);
}
