using System.Text.Json.Nodes;

namespace Bot.Worker.Channels;

/// <summary>
/// Feishu (飞书) custom robots: <c>post</c> rich text posted to <c>.../open-apis/bot/v2/hook/TOKEN</c>, with
/// <c>timestamp</c> (seconds) and <c>sign</c> in the body when the robot has a secret (签名校验). Answers: 0 sent;
/// 11232 (over 100 a minute or 5 a second) deferred; 19021 (signature or timestamp) and 19001 (bad token) failed.
/// </summary>
internal sealed class FeishuRobotClient(RobotPoster poster) : IRobotClient
{
    public const long RateLimited = 11232;
    public const long SignatureRefused = 19021;
    public const long InvalidToken = 19001;
    public static readonly TimeSpan RateBackoff = TimeSpan.FromSeconds(10);

    public RobotKind Kind => RobotKind.Feishu;

    public static JsonObject Body(FeishuPostMessage message) => new()
    {
        ["msg_type"] = "post",
        ["content"] = message.ToContent(),
    };

    public IReadOnlyList<JsonObject> Bodies(string telegramHtml) => [.. FeishuPost.Convert(telegramHtml).Select(Body)];

    public Task<ChannelResult> PostAsync(RobotEndpoint robot, JsonObject body, CancellationToken cancellationToken) =>
        poster.PostAsync(robot, robot.Url, Signed(robot, body, poster.Time.GetUtcNow()), Classify, cancellationToken);

    public static JsonObject Signed(RobotEndpoint robot, JsonObject body, DateTimeOffset now)
    {
        if (!robot.Signs)
        {
            return body;
        }
        var timestamp = now.ToUnixTimeSeconds();
        var signed = new JsonObject
        {
            ["timestamp"] = RobotSigning.Invariant(timestamp),
            ["sign"] = RobotSigning.Feishu(timestamp, robot.Secret),
        };
        foreach (var (key, value) in body)
        {
            signed[key] = value?.DeepClone();
        }
        return signed;
    }

    private ChannelResult Classify(RobotAnswer answer) => answer.Code switch
    {
        0 => ChannelResult.Sent(),
        RateLimited => ChannelResult.Deferred(poster.Time.GetUtcNow() + RateBackoff, $"Feishu {RateLimited}: over the robot's limit of 100 messages a minute or 5 a second"),
        SignatureRefused => ChannelResult.Failed($"Feishu {SignatureRefused}: the signature does not match or the timestamp is more than an hour off"),
        InvalidToken => ChannelResult.Failed($"Feishu {InvalidToken}: the webhook token is invalid (was the robot removed?)"),
        _ => ChannelResult.Failed($"Feishu {answer.Code}: {answer.Message}"),
    };
}
