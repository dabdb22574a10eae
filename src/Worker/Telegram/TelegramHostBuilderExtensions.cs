using Bot.Worker.Configuration;
using Bot.Worker.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Bot.Worker.Telegram;

public static class TelegramHostBuilderExtensions
{
    /// <summary>The Bot API through Telegram.Bot: long polling in, the dispatcher's sends out.</summary>
    public static IHostApplicationBuilder AddTelegramTransport(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(sp => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<TelegramOptions>>().Value.PollTimeoutSeconds + 30),
        });
        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            // RetryThreshold 0: the client never sleeps on a 429 by itself; the dispatcher pauses everything.
            return new TelegramBotClient(new TelegramBotClientOptions(options.Token, options.ApiBaseUrl) { RetryThreshold = 0 }, sp.GetRequiredService<HttpClient>());
        });
        services.AddSingleton<IBotTransport, TelegramTransport>();
        services.AddSingleton<IUpdateSource, TelegramUpdateSource>();
        return builder;
    }
}
