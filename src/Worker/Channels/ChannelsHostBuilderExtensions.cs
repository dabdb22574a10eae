using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Channels;

public static class ChannelsHostBuilderExtensions
{
    /// <summary>
    /// The channels beyond Telegram: Channels:Robots and Email options (validated at start, naming the key), the
    /// WeCom, DingTalk and Feishu robot clients on an HttpClient of their own (no request logging: the URLs hold
    /// keys), <see cref="RobotChannels"/> (each robot with its limiter), and <see cref="EmailSender"/> (one SMTP connection, Email:PerMinute).
    /// </summary>
    public static IHostApplicationBuilder AddChannels(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<ChannelsOptions, ChannelsOptionsValidator>().BindConfiguration(ChannelsOptions.Section);
        services.AddOptionsWithValidateOnStart<EmailOptions, EmailOptionsValidator>().BindConfiguration(EmailOptions.Section);
        services.AddSingleton(sp => new RobotPoster(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(40) },
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RobotPoster>>()));
        services.AddSingleton<IRobotClient, WeComRobotClient>();
        services.AddSingleton<IRobotClient, DingTalkRobotClient>();
        services.AddSingleton<IRobotClient, FeishuRobotClient>();
        services.AddSingleton<RobotChannels>();
        services.AddSingleton<EmailSender>();
        return builder;
    }
}
