using Bot.Worker.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Bot.Worker.Telegram.Webhook;

/// <summary>
/// What the leader tells Telegram at the start of its term: webhook mode sets the webhook (URL, secret,
/// the update kinds the bot handles); polling mode deletes any webhook so getUpdates is not refused.
/// Pending updates are never dropped. The secret is never logged.
/// </summary>
internal sealed partial class WebhookRegistration(ITelegramBotClient bot, IOptions<TelegramOptions> options, TimeProvider clock, ILogger<WebhookRegistration> logger)
{
    /// <summary>Calls setWebhook until Telegram accepts it (retrying with back-off) or the term ends.</summary>
    public async Task SetAsync(CancellationToken term)
    {
        var settings = options.Value;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await bot.SetWebhook(settings.WebhookUrl, allowedUpdates: TelegramUpdateSource.Wanted, secretToken: settings.WebhookSecret, cancellationToken: term);
                LogSet(settings.WebhookUrl);
                return;
            }
            catch (Exception ex) when (!term.IsCancellationRequested)
            {
                var wait = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempt)));
                LogSetFailed(ex, wait.TotalSeconds);
                await Task.Delay(wait, clock, term);
            }
        }
    }

    /// <summary>Calls deleteWebhook once; a failure is logged (getUpdates then answers 409 and polling retries).</summary>
    public async Task DeleteAsync(CancellationToken term)
    {
        try
        {
            await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: term);
        }
        catch (Exception ex) when (!term.IsCancellationRequested)
        {
            LogDeleteFailed(ex);
        }
    }

    [LoggerMessage(LogLevel.Information, "Webhook set to {Url}; Telegram posts updates there")]
    private partial void LogSet(string url);

    [LoggerMessage(LogLevel.Warning, "setWebhook failed; retrying in {Seconds}s")]
    private partial void LogSetFailed(Exception ex, double seconds);

    [LoggerMessage(LogLevel.Warning, "deleteWebhook failed; polling may be refused while a webhook is set")]
    private partial void LogDeleteFailed(Exception ex);
}
