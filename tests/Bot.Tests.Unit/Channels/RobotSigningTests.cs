using System.Text.Json.Nodes;
using Bot.Worker.Channels;

namespace Bot.Tests.Unit.Channels;

/// <summary>Signatures checked against values computed independently (openssl dgst -sha256 -hmac).</summary>
public sealed class RobotSigningTests
{
    private const string Secret = "SECabc123xyz";

    [Fact]
    public void DingTalk_signs_the_millisecond_timestamp_and_secret_with_the_secret()
    {
        Assert.Equal("GzvK8luaMjGlgLMixjQalTYJwhj5FpMAmajmHeD7+zs=", RobotSigning.DingTalk(1765000000123, Secret));
    }

    [Fact]
    public void Feishu_signs_nothing_with_the_second_timestamp_and_secret()
    {
        Assert.Equal("YO9tRac09CqkdhL0aOWnX/6xDh/uY1x8w5p/IY7UOfM=", RobotSigning.Feishu(1765000000, Secret));
    }

    [Fact]
    public void A_signed_DingTalk_url_carries_the_timestamp_and_the_url_encoded_sign()
    {
        var robot = new RobotEndpoint("ops", RobotKind.DingTalk, "https://oapi.dingtalk.com/robot/send?access_token=abc", Secret);

        var url = DingTalkRobotClient.SignedUrl(robot, DateTimeOffset.FromUnixTimeMilliseconds(1765000000123));

        Assert.Equal("https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1765000000123&sign=GzvK8luaMjGlgLMixjQalTYJwhj5FpMAmajmHeD7%2Bzs%3D", url);
    }

    [Fact]
    public void An_unsigned_robot_posts_to_its_url_as_it_is()
    {
        var robot = new RobotEndpoint("ops", RobotKind.DingTalk, "https://oapi.dingtalk.com/robot/send?access_token=abc", "");

        Assert.Equal(robot.Url, DingTalkRobotClient.SignedUrl(robot, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void A_signed_Feishu_body_carries_the_timestamp_in_seconds_and_the_sign()
    {
        var robot = new RobotEndpoint("ops", RobotKind.Feishu, "https://open.feishu.cn/open-apis/bot/v2/hook/x", Secret);
        var body = FeishuRobotClient.Body(FeishuPost.Convert("Title\nbody")[0]);

        var signed = FeishuRobotClient.Signed(robot, body, DateTimeOffset.FromUnixTimeMilliseconds(1765000000999));

        Assert.Equal("1765000000", (string?)signed["timestamp"]);
        Assert.Equal("YO9tRac09CqkdhL0aOWnX/6xDh/uY1x8w5p/IY7UOfM=", (string?)signed["sign"]);
        Assert.Equal("post", (string?)signed["msg_type"]);
        Assert.True(JsonNode.DeepEquals(body["content"], signed["content"]));
    }
}
