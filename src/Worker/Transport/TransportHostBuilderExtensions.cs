using Bot.Worker.Configuration;
using Bot.Worker.Hosting;
using Bot.Worker.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Bot.Worker.Transport;

public static class TransportHostBuilderExtensions
{
    /// <summary>Telegram when Telegram:Token is set, else the console (stdin in, stdout out).</summary>
    public static IHostApplicationBuilder AddTransport(this IHostApplicationBuilder builder, WorkerHostSettings settings)
    {
        var services = builder.Services;
        if (string.IsNullOrEmpty(builder.Configuration[$"{TelegramOptions.Section}:Token"]))
        {
            services.AddSingleton(new ConsoleSession(settings.ConsoleInput ?? Console.In, settings.ConsoleOutput ?? Console.Out));
            services.AddSingleton<IBotTransport, ConsoleTransport>();
            services.AddSingleton<IUpdateSource, ConsoleUpdateSource>();
            return builder;
        }
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
