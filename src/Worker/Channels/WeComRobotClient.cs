using System.Text.Json.Nodes;

namespace Bot.Worker.Channels;

/// <summary>
/// WeCom (企业微信) group robots: <c>markdown</c> messages posted to <c>.../cgi-bin/webhook/send?key=KEY</c>; WeCom does
/// not sign. Answers: 0 sent; 45009 (over 20 a minute) deferred a minute; 93000 (bad key) failed; -1 (busy) transient.
/// </summary>
internal sealed class WeComRobotClient(RobotPoster poster) : IRobotClient
{
    public const long RateLimited = 45009;
    public const long InvalidKey = 93000;
    public static readonly TimeSpan RateBackoff = TimeSpan.FromMinutes(1);

    public RobotKind Kind => RobotKind.WeCom;

    public static JsonObject Body(string markdown) => new()
    {
        ["msgtype"] = "markdown",
        ["markdown"] = new JsonObject { ["content"] = markdown },
    };

    public IReadOnlyList<JsonObject> Bodies(string telegramHtml) => [.. WeComMarkdown.Convert(telegramHtml).Select(Body)];

    public Task<ChannelResult> PostAsync(RobotEndpoint robot, JsonObject body, CancellationToken cancellationToken) =>
        poster.PostAsync(robot, robot.Url, body, Classify, cancellationToken);

    private ChannelResult Classify(RobotAnswer answer) => answer.Code switch
    {
        0 => ChannelResult.Sent(),
        RateLimited => ChannelResult.Deferred(poster.Time.GetUtcNow() + RateBackoff, $"WeCom {RateLimited}: over the robot's limit of 20 messages a minute"),
        InvalidKey => ChannelResult.Failed($"WeCom {InvalidKey}: the webhook key is invalid (was the robot removed?)"),
        -1 => ChannelResult.Transient("WeCom -1: system busy"),
        _ => ChannelResult.Failed($"WeCom {answer.Code}: {answer.Message}"),
    };
}
