using Bot.Worker.Channels;

namespace Bot.Tests.Unit.Channels;

public sealed class WebhookUrlsTests
{
    [Theory]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aaa-4bc4-97a0-0ec2sifa5aaa", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***")]
    [InlineData("https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef&x=1", "https://oapi.dingtalk.com/robot/send?access_token=***&x=***")]
    [InlineData("https://open.feishu.cn/open-apis/bot/v2/hook/5f1c2d3e-aaaa-bbbb-cccc-1234567890ab", "https://open.feishu.cn/open-apis/bot/v2/hook/***")]
    [InlineData("http://user:pw@127.0.0.1:5000/feishu/hook/tok", "http://***@127.0.0.1:5000/feishu/hook/***")]
    [InlineData("not a url with key=secret", "***")]
    public void A_url_is_printed_only_with_its_key_token_and_user_masked(string url, string masked)
    {
        Assert.Equal(masked, WebhookUrls.Mask(url));
    }

    [Fact]
    public void Any_text_is_cleaned_of_the_robot_key_token_and_secret()
    {
        var robot = new RobotEndpoint("ops", RobotKind.Feishu, "https://open.feishu.cn/open-apis/bot/v2/hook/5f1c2d3e-aaaa-bbbb", "s3cr3t-value");

        var text = robot.Redact("POST https://open.feishu.cn/open-apis/bot/v2/hook/5f1c2d3e-aaaa-bbbb failed; secret s3cr3t-value");

        Assert.Equal("POST https://open.feishu.cn/open-apis/bot/v2/hook/*** failed; secret ***", text);
    }

    [Fact]
    public void A_robot_and_its_options_print_without_url_or_secret()
    {
        var options = new RobotOptions { Kind = RobotKind.WeCom, Url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY-1234", Secret = "zzzz" };
        var robot = RobotEndpoint.From("netsec-wecom", options);

        Assert.Equal("WeCom robot netsec-wecom", robot.ToString());
        Assert.DoesNotContain("KEY-1234", options.ToString(), StringComparison.Ordinal);
        Assert.Equal("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***", robot.MaskedUrl);
    }
}
