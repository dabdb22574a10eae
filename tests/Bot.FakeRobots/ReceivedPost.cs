using System.Text.Json.Nodes;

namespace Bot.FakeRobots;

/// <summary>One request a fake robot received and how it answered (<see cref="Code"/> 0: accepted).</summary>
public sealed record ReceivedPost(FakeRobotKind Kind, string Token, string PathAndQuery, JsonNode? Body, int HttpStatus, long Code, string Message, DateTimeOffset At)
{
    public bool Accepted => HttpStatus == 200 && Code == 0;

    /// <summary>The text the message carries: WeCom's content, DingTalk's text, Feishu's title and every element's text.</summary>
    public string Text => Kind switch
    {
        FakeRobotKind.WeCom => (string?)Body?["markdown"]?["content"] ?? "",
        FakeRobotKind.DingTalk => (string?)Body?["markdown"]?["text"] ?? "",
        _ => FeishuText(Body?["content"]?["post"]?["zh_cn"]),
    };

    private static string FeishuText(JsonNode? post) =>
        post is null
            ? ""
            : (string?)post["title"] + "\n" + string.Join("\n", (post["content"]?.AsArray() ?? []).Select(p => string.Concat((p?.AsArray() ?? []).Select(e => (string?)e?["text"]))));
}
