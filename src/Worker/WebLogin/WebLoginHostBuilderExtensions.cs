using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Worker.WebLogin;

public static class WebLoginHostBuilderExtensions
{
    /// <summary>The /web links (issued by the chat command, opened by the console), with or without the web server.</summary>
    public static IHostApplicationBuilder AddWebLogin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WebLoginStore>();
        builder.Services.AddSingleton<ConsoleAddress>();
        builder.Services.AddSingleton<WebLoginService>();
        builder.Services.AddSingleton<WebSessionStore>();
        builder.Services.AddSingleton<WebSessions>();
        return builder;
    }
}
