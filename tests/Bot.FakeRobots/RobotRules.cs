using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.FakeRobots;

// How each app decides: the token, then the signature and its one-hour window, then the limits, then the message.
internal static class RobotRules
{
    public const string FeishuSignFailed = "sign match fail or timestamp is not within one hour from current time";

    public static RobotAnswer Decide(FakeRobot? robot, FakeRobotKind kind, IQueryCollection query, JsonNode? body, DateTimeOffset now)
    {
        if (robot is null)
        {
            return kind switch
            {
                FakeRobotKind.WeCom => RobotAnswer.Of(kind, 93000, "invalid webhook url, hint: [fake], more info at https://open.work.weixin.qq.com/devtool/query?e=93000"),
                FakeRobotKind.DingTalk => RobotAnswer.Of(kind, 300001, "token is not exist"),
                _ => RobotAnswer.Of(kind, 19001, "param invalid: incoming webhook access token invalid"),
            };
        }
        if (robot.Secret is { } secret && SignatureProblem(kind, secret, query, body, now) is { } refused)
        {
            return refused;
        }
        if (RateProblem(robot, now) is { } limited)
        {
            return limited;
        }
        if (MessageProblem(kind, body) is { } bad)
        {
            return bad;
        }
        robot.Minute.Add(now);
        robot.Second.Add(now);
        return RobotAnswer.Ok(kind);
    }

    private static RobotAnswer? SignatureProblem(FakeRobotKind kind, string secret, IQueryCollection query, JsonNode? body, DateTimeOffset now) => kind switch
    {
        FakeRobotKind.DingTalk when !Signatures.DingTalkValid(query["timestamp"], query["sign"], secret, now) =>
            RobotAnswer.Of(kind, 310000, "sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]"),
        FakeRobotKind.Feishu when !Signatures.FeishuValid(Text(body?["timestamp"]), Text(body?["sign"]), secret, now) =>
            RobotAnswer.Of(kind, 19021, FeishuSignFailed),
        _ => null,
    };

    private static RobotAnswer? RateProblem(FakeRobot robot, DateTimeOffset now)
    {
        switch (robot.Kind)
        {
            case FakeRobotKind.WeCom when robot.Minute.IsFull(now):
                return RobotAnswer.Of(robot.Kind, 45009, "api freq out of limit");
            case FakeRobotKind.DingTalk when robot.BlockedUntil > now || robot.Minute.IsFull(now):
                if (robot.BlockedUntil <= now)
                {
                    robot.BlockedUntil = now.AddMinutes(10);
                }
                return RobotAnswer.Of(robot.Kind, 130101, "send too fast, exceed 20 times per minute");
            case FakeRobotKind.Feishu when robot.Second.IsFull(now) || robot.Minute.IsFull(now):
                return RobotAnswer.Of(robot.Kind, 11232, "frequency limited psm[lark.oapi.app_platform_runtime]appID[1]");
            default:
                return null;
        }
    }

    private static RobotAnswer? MessageProblem(FakeRobotKind kind, JsonNode? body)
    {
        switch (kind)
        {
            case FakeRobotKind.WeCom:
                var content = Text(body?["markdown"]?["content"]);
                if (Text(body?["msgtype"]) != "markdown" || content is null)
                {
                    return RobotAnswer.Of(kind, 40008, "invalid message type");
                }
                return Encoding.UTF8.GetByteCount(content) > 4096 ? RobotAnswer.Of(kind, 40058, "markdown.content exceed max length 4096") : null;
            case FakeRobotKind.DingTalk:
                return Text(body?["msgtype"]) != "markdown" || Text(body?["markdown"]?["title"]) is null || Text(body?["markdown"]?["text"]) is null
                    ? RobotAnswer.Of(kind, 40035, "缺少参数 markdown")
                    : null;
            default:
                return Text(body?["msg_type"]) != "post" || body?["content"]?["post"] is not JsonObject
                    ? RobotAnswer.Of(kind, 9499, "Bad Request")
                    : null;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
}
