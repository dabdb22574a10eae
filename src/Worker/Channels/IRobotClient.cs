using System.Text.Json.Nodes;

namespace Bot.Worker.Channels;

/// <summary>One app's group robots: its message format and its webhook's answers.</summary>
internal interface IRobotClient
{
    RobotKind Kind { get; }

    /// <summary>The request bodies (not yet signed) that carry one rendered Telegram HTML message: one per part.</summary>
    IReadOnlyList<JsonObject> Bodies(string telegramHtml);

    /// <summary>Posts one body to the robot, signed when it has a secret, and reads the answer. Never throws for the app's or the network's errors.</summary>
    Task<ChannelResult> PostAsync(RobotEndpoint robot, JsonObject body, CancellationToken cancellationToken);
}
