using Bot.Worker.Configuration;
using Bot.Worker.Storage;
using Bot.Worker.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Delivery;

/// <summary>
/// What a send that did not go through comes to: a 429 pauses all Telegram sending and defers the row, a route that
/// is over its own limit (a robot, the mail server) defers the row alone, a chat that is gone (403, chat not found) is
/// blocked together with the row and the fallback emails held for its rows go out instead (one transaction), bad HTML
/// is sent once more as plain text, a network failure or 5xx is retried with backoff until Delivery:MaxAttempts,
/// anything else fails the row. Every write carries the row's term (the database refuses it once a later term began).
/// </summary>
internal sealed partial class SendFailures(
    IDatabase database,
    OutboxDeliveryStore queue,
    SendGate gate,
    IBlockedChatHandler blockedChats,
    IDeliveryFallbacks fallbacks,
    IOptions<DeliveryOptions> options,
    BotMetrics metrics,
    TimeProvider clock,
    ILogger<SendFailures> logger)
{
    /// <summary>Timeouts, connection errors and failed HTTP requests: the message may go through later.</summary>
    public static bool IsTransportFailure(Exception ex, CancellationToken ct) => ex switch
    {
        OperationCanceledException => !ct.IsCancellationRequested,
        HttpRequestException or TimeoutException or IOException => true,
        _ => false,
    };

    /// <summary>A send that threw something other than a transport failure: a bug, not the network; trying again would fail the same way.</summary>
    public async Task RecordBugAsync(OutboxRow row, Exception ex, CancellationToken ct)
    {
        LogBug(ex, row.IdemKey, row.ChatId);
        await queue.MarkFinalAsync(row.Id, row.Term, DeliveryState.Failed, ex.GetType().Name + ": " + ex.Message, ct);
        metrics.Failed(DeliveryState.Failed, row.Channel);
    }

    public async Task RecordAsync(OutboxRow row, SendResult result, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case SendOutcome.RateLimited:
                var wait = result.RetryAfter ?? TimeSpan.FromSeconds(5);
                // A 429 to a paid broadcast pauses the paid lane only; the free lane's own 429 pauses everything free.
                gate.Pause(wait, row.Paid);
                metrics.Throttled();
                LogRateLimited(wait.TotalSeconds, row.ChatId);
                await queue.MarkDeferredAsync(row.Id, row.Term, clock.GetUtcNow() + wait, countsAsAttempt: false, $"429 retry after {wait.TotalSeconds:0}s", ct);
                break;
            case SendOutcome.Deferred:
                var until = clock.GetUtcNow() + (result.RetryAfter ?? TimeSpan.FromMinutes(1));
                LogRouteDeferred(row.IdemKey, row.Route.ToString(), until, result.Error);
                await queue.MarkDeferredAsync(row.Id, row.Term, until, countsAsAttempt: false, result.Error ?? "deferred", ct, result.PartsSent);
                break;
            case SendOutcome.ChatUnavailable:
                // The chat's subscriptions, its queued rows, this row's final state and the fallbacks held for its
                // rows (sent instead, recorded in the evidence) commit together or not at all.
                var blockedAt = clock.GetUtcNow();
                var (stopped, released) = await database.InTransactionAsync(async token =>
                {
                    var count = await blockedChats.OnChatBlockedAsync(row.ChatId, result.Error ?? "blocked", token);
                    await queue.MarkFinalAsync(row.Id, row.Term, DeliveryState.Blocked, result.Error, token);
                    var held = await queue.ReleaseFallbacksAsync(row.ChatId, blockedAt, row.Term, token);
                    if (held.Count > 0)
                    {
                        await fallbacks.ReleasedAsync(held, result.Error ?? "blocked", token);
                    }
                    return (count, held.Count);
                }, ct);
                metrics.Failed(DeliveryState.Blocked, row.Channel);
                LogChatBlocked(row.ChatId, result.Error, stopped, released);
                break;
            case SendOutcome.BadHtml when !row.PlainText:
                LogBadHtml(row.IdemKey, result.Error);
                await queue.SwitchToPlainTextAsync(row.Id, row.Term, result.Error ?? "can't parse entities", ct);
                break;
            case SendOutcome.Transient when row.Attempts + 1 < options.Value.MaxAttempts:
                var backoff = Backoff(row.Attempts);
                LogRetry(row.IdemKey, row.Attempts + 1, backoff.TotalSeconds, result.Error);
                await queue.MarkDeferredAsync(row.Id, row.Term, clock.GetUtcNow() + backoff, countsAsAttempt: true, result.Error ?? "transient", ct, result.PartsSent);
                break;
            default:
                if (!row.IsTelegram && result.Outcome == SendOutcome.Rejected)
                {
                    // The robot or the mail server refused it: the channel logged that line already (one per refusal).
                    LogRefused(row.IdemKey, row.Route.ToString(), result.Error);
                }
                else
                {
                    LogFailed(row.IdemKey, row.Route.ToString(), row.Attempts + 1, result.Error);
                }
                await queue.MarkFinalAsync(row.Id, row.Term, DeliveryState.Failed, result.Error, ct);
                metrics.Failed(DeliveryState.Failed, row.Channel);
                break;
        }
    }

    /// <summary>5 s, 15 s, 45 s, ... up to 15 minutes.</summary>
    internal static TimeSpan Backoff(int attemptsSoFar) =>
        TimeSpan.FromSeconds(Math.Min(900, 5 * Math.Pow(3, Math.Min(attemptsSoFar, 10))));

    [LoggerMessage(LogLevel.Error, "Send of {Key} to chat {ChatId} threw; recorded as failed, not retried")]
    private partial void LogBug(Exception ex, string key, long chatId);

    [LoggerMessage(LogLevel.Warning, "Telegram said 429: all sending paused for {Seconds}s (chat {ChatId})")]
    private partial void LogRateLimited(double seconds, long chatId);

    [LoggerMessage(LogLevel.Warning, "Chat {ChatId} is unavailable ({Reason}); marked blocked, {Stopped} queued messages stopped, {Released} fallback emails sent instead")]
    private partial void LogChatBlocked(long chatId, string? reason, int stopped, int released);

    [LoggerMessage(LogLevel.Information, "{Key} to {Route} waits until {Until:O}: {Reason}")]
    private partial void LogRouteDeferred(string key, string route, DateTimeOffset until, string? reason);

    [LoggerMessage(LogLevel.Warning, "Telegram refused the HTML of {Key} ({Reason}); sending it once as plain text")]
    private partial void LogBadHtml(string key, string? reason);

    [LoggerMessage(LogLevel.Information, "Send of {Key} failed (try {Attempt}); retrying in {Seconds}s: {Reason}")]
    private partial void LogRetry(string key, int attempt, double seconds, string? reason);

    [LoggerMessage(LogLevel.Debug, "{Key} to {Route} refused, not retried: {Reason}")]
    private partial void LogRefused(string key, string route, string? reason);

    [LoggerMessage(LogLevel.Error, "Giving up on {Key} to {Route} after {Attempts} tries: {Reason}")]
    private partial void LogFailed(string key, string route, int attempts, string? reason);
}
