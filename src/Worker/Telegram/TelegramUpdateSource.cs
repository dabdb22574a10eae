using System.Runtime.CompilerServices;
using Bot.Worker.Configuration;
using Bot.Worker.Telegram.Webhook;
using Bot.Worker.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Bot.Worker.Telegram;

/// <summary>
/// Long-polls getUpdates, after deleting any webhook (Telegram refuses getUpdates while one is set).
/// The offset confirms an update only on the next call, after the update was handled, so a crash in
/// between delivers it again (replies are keyed by update, so not twice).
/// </summary>
internal sealed partial class TelegramUpdateSource(
    ITelegramBotClient bot, WebhookRegistration webhook, IOptions<TelegramOptions> options, TimeProvider clock, ILogger<TelegramUpdateSource> logger) : IUpdateSource
{
    public async IAsyncEnumerable<IncomingUpdate> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await webhook.DeleteAsync(cancellationToken);
        int? offset = null;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            global::Telegram.Bot.Types.Update[] updates;
            try
            {
                updates = await bot.GetUpdates(offset, 100, options.Value.PollTimeoutSeconds, TelegramUpdateMapper.Wanted, cancellationToken);
                failures = 0;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                failures++;
                var wait = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures)));
                if (ex is ApiRequestException { ErrorCode: 409 })
                {
                    LogConflict(wait.TotalSeconds);
                }
                else
                {
                    LogPollFailed(ex, wait.TotalSeconds);
                }
                await Task.Delay(wait, clock, cancellationToken);
                continue;
            }
            foreach (var update in updates)
            {
                offset = update.Id + 1;
                if (TelegramUpdateMapper.Map(update) is { } mapped)
                {
                    yield return mapped;
                }
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "getUpdates: 409 Conflict, another poller or a webhook is using this token; retrying in {Seconds}s")]
    private partial void LogConflict(double seconds);

    [LoggerMessage(LogLevel.Warning, "getUpdates failed; retrying in {Seconds}s")]
    private partial void LogPollFailed(Exception ex, double seconds);
}
