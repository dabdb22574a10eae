using Bot.Worker.Configuration;
using Bot.Worker.Telegram.Webhook;
using Bot.Worker.Transport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Bot.Worker.Telegram;

public static class TelegramHostBuilderExtensions
{
    /// <summary>
    /// The Bot API through Telegram.Bot: the dispatcher's sends out; updates in by long polling, or with
    /// Telegram:Mode=Webhook through the webhook route on Kestrel and the inbox table.
    /// </summary>
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
        services.AddSingleton<WebhookRegistration>();
        services.TryAddSingleton<WebhookInboxStore>();
        services.AddSingleton<Retention.IExpiringRows>(sp => sp.GetRequiredService<WebhookInboxStore>());
        // A malformed mode is refused by the options validation at start; until then it counts as polling.
        if (Enum.TryParse<TelegramMode>(builder.Configuration[$"{TelegramOptions.Section}:Mode"], ignoreCase: true, out var mode) && mode == TelegramMode.Webhook)
        {
            services.AddSingleton<InboxSignal>();
            services.AddSingleton<WebhookReceiver>();
            // First in the pipeline: Telegram's posts must not pass through the console (its cookie, its error pages).
            services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter, WebhookEndpoint>());
            services.AddSingleton<IUpdateSource, WebhookUpdateSource>();
        }
        else
        {
            services.AddSingleton<IUpdateSource, TelegramUpdateSource>();
        }
        return builder;
    }
}
