using System.Text.Json.Nodes;

namespace Bot.Worker.Channels;

/// <summary>
/// DingTalk (钉钉) custom robots: <c>markdown</c> messages posted to <c>.../robot/send?access_token=TOKEN</c>, with
/// <c>&amp;timestamp=ms&amp;sign=...</c> appended when the robot has a secret (加签). Answers: 0 sent; 130101 (over 20 a
/// minute: DingTalk blocks the robot for 10 minutes) deferred 10 minutes; 310000 (signature, timestamp, keyword or IP
/// refused) and 300001 (no such token) failed; -1 (busy) transient.
/// </summary>
internal sealed class DingTalkRobotClient(RobotPoster poster) : IRobotClient
{
    public const long RateLimited = 130101;
    public const long SecurityRefused = 310000;
    public const long NoSuchToken = 300001;
    public static readonly TimeSpan Block = TimeSpan.FromMinutes(10);

    public RobotKind Kind => RobotKind.DingTalk;

    public static JsonObject Body(DingTalkMarkdownMessage message) => new()
    {
        ["msgtype"] = "markdown",
        ["markdown"] = new JsonObject { ["title"] = message.Title, ["text"] = message.Text },
    };

    public IReadOnlyList<JsonObject> Bodies(string telegramHtml) => [.. DingTalkMarkdown.Convert(telegramHtml).Select(Body)];

    public Task<ChannelResult> PostAsync(RobotEndpoint robot, JsonObject body, CancellationToken cancellationToken) =>
        poster.PostAsync(robot, SignedUrl(robot, poster.Time.GetUtcNow()), body, Classify, cancellationToken);

    public static string SignedUrl(RobotEndpoint robot, DateTimeOffset now)
    {
        if (!robot.Signs)
        {
            return robot.Url;
        }
        var timestamp = now.ToUnixTimeMilliseconds();
        var separator = robot.Url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return $"{robot.Url}{separator}timestamp={RobotSigning.Invariant(timestamp)}&sign={Uri.EscapeDataString(RobotSigning.DingTalk(timestamp, robot.Secret))}";
    }

    private ChannelResult Classify(RobotAnswer answer) => answer.Code switch
    {
        0 => ChannelResult.Sent(),
        RateLimited => ChannelResult.Deferred(poster.Time.GetUtcNow() + Block, $"DingTalk {RateLimited}: over 20 messages a minute; the robot is blocked for 10 minutes"),
        SecurityRefused => ChannelResult.Failed($"DingTalk {SecurityRefused}: the signature, timestamp, keyword or IP allow-list refused the post ({answer.Message})"),
        NoSuchToken => ChannelResult.Failed($"DingTalk {NoSuchToken}: the access token is invalid (was the robot removed?)"),
        -1 => ChannelResult.Transient("DingTalk -1: system busy"),
        _ => ChannelResult.Failed($"DingTalk {answer.Code}: {answer.Message}"),
    };
}
