using Bot.Worker.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Telegram.Webhook;

/// <summary>
/// Webhook mode only: serves the path of Telegram:WebhookUrl (POST; other methods get 405). Polling mode
/// never registers this, so the path is a plain 404 there.
/// </summary>
internal sealed class WebhookEndpoint(IOptions<TelegramOptions> options, WebhookReceiver receiver) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var path = new PathString(TelegramModeValidator.WebhookPath(options.Value.WebhookUrl) ?? "/");
        app.Use(async (context, nextMiddleware) =>
        {
            if (!context.Request.Path.Equals(path, StringComparison.Ordinal))
            {
                await nextMiddleware(context);
                return;
            }
            if (!HttpMethods.IsPost(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = "POST";
                return;
            }
            await receiver.HandleAsync(context);
        });
        next(app);
    };
}
