using System.Text.Json.Nodes;

namespace Bot.FakeRobots;

// What a fake robot answers: a status and the app's JSON (WeCom and DingTalk errcode/errmsg, Feishu code/msg).
internal sealed record RobotAnswer(int Status, long Code, string Message, string Body)
{
    public static RobotAnswer Of(FakeRobotKind kind, long code, string message)
    {
        var json = kind == FakeRobotKind.Feishu
            ? new JsonObject { ["code"] = code, ["data"] = new JsonObject(), ["msg"] = message }
            : new JsonObject { ["errcode"] = code, ["errmsg"] = message };
        return new RobotAnswer(200, code, message, json.ToJsonString());
    }

    public static RobotAnswer Ok(FakeRobotKind kind) => Of(kind, 0, kind == FakeRobotKind.Feishu ? "success" : "ok");

    public static RobotAnswer Http(int status) => new(status, -1, "", $"<html><body>{status}</body></html>");
}
