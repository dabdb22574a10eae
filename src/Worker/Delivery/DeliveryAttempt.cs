using Bot.Worker.Configuration;
using Bot.Worker.Hosting;
using Bot.Worker.Templating;
using Bot.Worker.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Delivery;

/// <summary>Sends one outbox row through the transport and records what happened to it.</summary>
internal sealed partial class DeliveryAttempt(
    IBotTransport transport,
    OutboxDeliveryStore queue,
    SentRecorder sent,
    SendGate gate,
    IBlockedChatHandler blockedChats,
    IOptions<DeliveryOptions> options,
    BotMetrics metrics,
    TimeProvider clock,
    ILogger<DeliveryAttempt> logger)
{
    /// <summary>
    /// Sends the row and records what happened. Returns once the send is over; the task it returns
    /// completes when a successful send is durably recorded (written in a batch with others), so the
    /// caller can free the send slot without forgetting that the row is not recorded yet.
    /// </summary>
    public async Task<Task> RunAsync(OutboxRow row, CancellationToken ct)
    {
        var text = row.PlainText ? TelegramHtml.ToPlainText(row.Text) : row.Text;
        var message = new OutboundMessage(row.ChatId, text, !row.PlainText, ButtonsJson.Deserialize(row.Buttons));
        SendResult result;
        try
        {
            result = await transport.SendAsync(message, ct);
        }
        catch (Exception ex) when (IsTransportFailure(ex, ct))
        {
            LogTransportFailure(ex, row.IdemKey);
            result = SendResult.Failed(SendOutcome.Transient, ex.GetType().Name + ": " + ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug, not the network: trying again would fail the same way.
            LogBug(ex, row.IdemKey, row.ChatId);
            await queue.MarkFinalAsync(row.Id, DeliveryState.Failed, ex.GetType().Name + ": " + ex.Message, ct);
            metrics.Failed(DeliveryState.Failed);
            return Task.CompletedTask;
        }
        if (result.Outcome == SendOutcome.Sent)
        {
            metrics.Sent(row.Priority, row.IdemKey);
            return sent.RecordAsync(row.Id, result.MessageId ?? 0);
        }
        await RecordAsync(row, result, ct);
        return Task.CompletedTask;
    }

    /// <summary>Timeouts, connection errors and failed HTTP requests: the message may go through later.</summary>
    private static bool IsTransportFailure(Exception ex, CancellationToken ct) => ex switch
    {
        OperationCanceledException => !ct.IsCancellationRequested,
        HttpRequestException or TimeoutException or IOException or global::Telegram.Bot.Exceptions.RequestException => true,
        _ => false,
    };

    private async Task RecordAsync(OutboxRow row, SendResult result, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case SendOutcome.RateLimited:
                var wait = result.RetryAfter ?? TimeSpan.FromSeconds(5);
                gate.Pause(wait);
                metrics.Throttled();
                LogRateLimited(wait.TotalSeconds, row.ChatId);
                await queue.MarkDeferredAsync(row.Id, clock.GetUtcNow() + wait, countsAsAttempt: false, $"429 retry after {wait.TotalSeconds:0}s", ct);
                break;
            case SendOutcome.ChatUnavailable:
                // This row is still pending: blocking the chat stops it with the rest, in one transaction.
                var stopped = await blockedChats.OnChatBlockedAsync(row.ChatId, result.Error ?? "blocked", ct);
                await queue.MarkFinalAsync(row.Id, DeliveryState.Blocked, result.Error, ct);
                metrics.Failed(DeliveryState.Blocked);
                LogChatBlocked(row.ChatId, result.Error, stopped);
                break;
            case SendOutcome.BadHtml when !row.PlainText:
                LogBadHtml(row.IdemKey, result.Error);
                await queue.SwitchToPlainTextAsync(row.Id, result.Error ?? "can't parse entities", ct);
                break;
            case SendOutcome.Transient when row.Attempts + 1 < options.Value.MaxAttempts:
                var backoff = Backoff(row.Attempts);
                LogRetry(row.IdemKey, row.Attempts + 1, backoff.TotalSeconds, result.Error);
                await queue.MarkDeferredAsync(row.Id, clock.GetUtcNow() + backoff, countsAsAttempt: true, result.Error ?? "transient", ct);
                break;
            default:
                LogFailed(row.IdemKey, row.ChatId, row.Attempts + 1, result.Error);
                await queue.MarkFinalAsync(row.Id, DeliveryState.Failed, result.Error, ct);
                metrics.Failed(DeliveryState.Failed);
                break;
        }
    }

    /// <summary>5 s, 15 s, 45 s, ... up to 15 minutes.</summary>
    internal static TimeSpan Backoff(int attemptsSoFar) =>
        TimeSpan.FromSeconds(Math.Min(900, 5 * Math.Pow(3, Math.Min(attemptsSoFar, 10))));

    [LoggerMessage(LogLevel.Debug, "Send of {Key} failed in transport")]
    private partial void LogTransportFailure(Exception ex, string key);

    [LoggerMessage(LogLevel.Error, "Send of {Key} to chat {ChatId} threw; recorded as failed, not retried")]
    private partial void LogBug(Exception ex, string key, long chatId);

    [LoggerMessage(LogLevel.Warning, "Telegram said 429: all sending paused for {Seconds}s (chat {ChatId})")]
    private partial void LogRateLimited(double seconds, long chatId);

    [LoggerMessage(LogLevel.Warning, "Chat {ChatId} is unavailable ({Reason}); marked blocked, {Stopped} queued messages stopped")]
    private partial void LogChatBlocked(long chatId, string? reason, int stopped);

    [LoggerMessage(LogLevel.Warning, "Telegram refused the HTML of {Key} ({Reason}); sending it once as plain text")]
    private partial void LogBadHtml(string key, string? reason);

    [LoggerMessage(LogLevel.Information, "Send of {Key} failed (try {Attempt}); retrying in {Seconds}s: {Reason}")]
    private partial void LogRetry(string key, int attempt, double seconds, string? reason);

    [LoggerMessage(LogLevel.Error, "Giving up on {Key} to chat {ChatId} after {Attempts} tries: {Reason}")]
    private partial void LogFailed(string key, long chatId, int attempts, string? reason);
}
