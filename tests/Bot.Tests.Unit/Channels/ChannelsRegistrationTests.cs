using Bot.Worker.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Unit.Channels;

/// <summary>AddChannels binds the PRODUCT 4.9 keys as an admin writes them, and the redactor gets every secret.</summary>
public sealed class ChannelsRegistrationTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Channels:Robots:netsec-wecom:Kind"] = "wecom",
        ["Channels:Robots:netsec-wecom:Url"] = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aaa-4bc4-97a0-0ec2sifa5aaa",
        ["Channels:Robots:netsec-ding:Kind"] = "DingTalk",
        ["Channels:Robots:netsec-ding:Url"] = "https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef0123",
        ["Channels:Robots:netsec-ding:Secret"] = "SECding-secret-1",
        ["Channels:Robots:netsec-ding:PerMinute"] = "10",
        ["Channels:Robots:netsec-feishu:Kind"] = "Feishu",
        ["Channels:Robots:netsec-feishu:Url"] = "https://open.feishu.cn/open-apis/bot/v2/hook/5f1c2d3e-aaaa-bbbb-cccc-1234567890ab",
        ["Email:Host"] = "smtp.example.cn",
        ["Email:Security"] = "SslOnConnect",
        ["Email:Port"] = "465",
        ["Email:User"] = "bot@example.cn",
        ["Email:Password"] = "mail-pa55word",
        ["Email:From"] = "Reminder bot <bot@example.cn>",
    };

    [Fact]
    public void The_configured_robots_and_email_are_bound_and_each_robot_has_its_own_limit()
    {
        using var host = Build(Settings);

        var robots = host.Services.GetRequiredService<RobotChannels>();
        var email = host.Services.GetRequiredService<IOptions<EmailOptions>>().Value;

        Assert.Equal(["netsec-ding", "netsec-feishu", "netsec-wecom"], robots.Names.Order());
        Assert.Equal(RobotKind.WeCom, robots.Find("NETSEC-WECOM")!.Robot.Kind);
        Assert.Equal(10, robots.Find("netsec-ding")!.Limiter.PerMinute);
        Assert.Equal(100, robots.Find("netsec-feishu")!.Limiter.PerMinute);
        Assert.Equal((465, EmailSecurity.SslOnConnect, 60), (email.Port, email.Security, email.PerMinute));
        Assert.NotNull(host.Services.GetRequiredService<EmailSender>());
    }

    [Fact]
    public void A_bad_robot_stops_the_start_naming_the_key()
    {
        using var host = Build(new Dictionary<string, string?> { ["Channels:Robots:x:Kind"] = "Feishu" });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<ChannelsOptions>>().Value);

        Assert.Contains("Channels:Robots:x:Url must be set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_log_redactor_gets_every_key_token_secret_and_the_password()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();

        var secrets = ChannelSecrets.From(configuration);

        Assert.Contains("693a91f6-7aaa-4bc4-97a0-0ec2sifa5aaa", secrets);
        Assert.Contains("0123456789abcdef0123", secrets);
        Assert.Contains("SECding-secret-1", secrets);
        Assert.Contains("5f1c2d3e-aaaa-bbbb-cccc-1234567890ab", secrets);
        Assert.Contains("mail-pa55word", secrets);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddLogging();
        builder.AddChannels();
        return builder.Build();
    }
}
