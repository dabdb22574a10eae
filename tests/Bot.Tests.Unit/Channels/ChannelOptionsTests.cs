using Bot.Worker.Channels;
using Microsoft.Extensions.Configuration;

namespace Bot.Tests.Unit.Channels;

public sealed class ChannelOptionsTests
{
    private const string WeComUrl = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aaa-4bc4-97a0-0ec2sifa5aaa";

    [Fact]
    public void Well_formed_robots_pass()
    {
        var options = Robots(
            ("netsec-wecom", new RobotOptions { Kind = RobotKind.WeCom, Url = WeComUrl }),
            ("netsec-ding", new RobotOptions { Kind = RobotKind.DingTalk, Url = "https://oapi.dingtalk.com/robot/send?access_token=abc123", Secret = "SECxyz", PerMinute = 10 }),
            ("netsec-feishu", new RobotOptions { Kind = RobotKind.Feishu, Url = "https://open.feishu.cn/open-apis/bot/v2/hook/5f1c2d3e", Secret = "s" }));

        Assert.True(new ChannelsOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("WeCom", "", "", null, "Channels:Robots:r:Url must be set")]
    [InlineData("WeCom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send", "", null, "Channels:Robots:r:Url 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send' has no key=")]
    [InlineData("WeCom", WeComUrl, "x", null, "Channels:Robots:r:Secret must be empty")]
    [InlineData("DingTalk", "https://oapi.dingtalk.com/robot/send?token=abc", "", null, "Channels:Robots:r:Url 'https://oapi.dingtalk.com/robot/send?token=***' has no access_token=")]
    [InlineData("Feishu", "ftp://open.feishu.cn/hook/x", "", null, "Channels:Robots:r:Url is not an absolute http(s) URL")]
    [InlineData("Feishu", "https://open.feishu.cn/open-apis/bot/v2/hook/x", "", 101, "Channels:Robots:r:PerMinute must be between 1 and 100")]
    [InlineData(null, WeComUrl, "", null, "Channels:Robots:r:Kind must be WeCom, DingTalk or Feishu")]
    public void A_bad_robot_is_refused_naming_the_key_and_never_showing_the_key(string? kind, string url, string secret, int? perMinute, string expected)
    {
        var options = Robots(("r", new RobotOptions { Kind = kind is null ? null : Enum.Parse<RobotKind>(kind), Url = url, Secret = secret, PerMinute = perMinute }));

        var result = new ChannelsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.StartsWith(expected, Assert.Single(result.Failures!), StringComparison.Ordinal);
        Assert.DoesNotContain("693a91f6", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Slack")]
    [InlineData("7")]
    public void A_kind_the_binder_cannot_read_is_refused_not_dropped(string kind)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:Robots:desk:Kind"] = kind,
            ["Channels:Robots:desk:Url"] = WeComUrl,
        }).Build();
        var options = new ChannelsOptions();
        try
        {
            configuration.GetSection("Channels").Bind(options);
        }
        catch (InvalidOperationException)
        {
            // However the binder takes it, the validator reads the configuration itself.
        }

        var result = new ChannelsOptionsValidator(configuration).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal($"Channels:Robots:desk:Kind '{kind}' is not a robot kind: write WeCom, DingTalk or Feishu", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Email_with_no_host_is_off_and_needs_nothing_else()
    {
        Assert.True(new EmailOptionsValidator().Validate(null, new EmailOptions()).Succeeded);
        Assert.Equal((587, EmailSecurity.StartTls, 60), (new EmailOptions().Port, new EmailOptions().Security, new EmailOptions().PerMinute));
    }

    [Fact]
    public void Email_with_a_host_needs_a_from_address_and_both_login_parts_and_never_shows_the_password()
    {
        var options = new EmailOptions { Host = "smtp.example.cn", From = "Reminder bot", User = "", Password = "hunter22", Port = 0 };

        var result = new EmailOptionsValidator().Validate(null, options);

        Assert.Equal(
            ["Email:Port must be between 1 and 65535 (587 for StartTls, 465 for SslOnConnect)",
             "Email:From 'Reminder bot' is not an address: write 'Name <address>' or an address",
             "Email:User must be set when Email:Password is"],
            result.Failures);
        Assert.DoesNotContain("hunter22", result.FailureMessage, StringComparison.Ordinal);
    }

    private static ChannelsOptions Robots(params (string Name, RobotOptions Robot)[] robots)
    {
        var options = new ChannelsOptions();
        foreach (var (name, robot) in robots)
        {
            options.Robots[name] = robot;
        }
        return options;
    }
}
