using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bot.Worker.Cluster;
using Bot.Worker.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Update = Telegram.Bot.Types.Update;

namespace Bot.Worker.Telegram.Webhook;

/// <summary>
/// One POST from Telegram: 401 without the right <c>X-Telegram-Bot-Api-Secret-Token</c> (compared in
/// constant time), 400 for a body that is not an update, else the update is stored in the inbox and the
/// leader woken, and only then 200. A repeated update_id is answered 200 and stored nothing. A database
/// failure answers 500, so Telegram posts the update again later.
/// </summary>
internal sealed partial class WebhookReceiver(
    IOptions<TelegramOptions> options, WebhookInboxStore inbox, InboxSignal signal, ILeadership leadership, IClusterSignals cluster,
    ILogger<WebhookReceiver> logger)
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    // Telegram's updates are a few kilobytes; anything far larger is not from Telegram.
    private const long MaxBody = 1024 * 1024;

    private readonly byte[] _secretHash = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.WebhookSecret));
    private long _rejected;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HasSecret(request.Headers[SecretHeader].ToString()))
        {
            var count = Interlocked.Increment(ref _rejected);
            if (IsPowerOfTen(count))
            {
                LogRejected(context.Connection.RemoteIpAddress?.ToString() ?? "?", count);
            }
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBody;
        }
        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(request.Body, JsonBotAPI.Options, context.RequestAborted);
        }
        catch (Exception ex) when (ex is JsonException or BadHttpRequestException)
        {
            context.Response.StatusCode = ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
            return;
        }
        if (update is null || update.Id <= 0)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        try
        {
            if (await inbox.AddAsync(update.Id, JsonSerializer.Serialize(update, JsonBotAPI.Options), context.RequestAborted))
            {
                signal.Notify();
                if (!leadership.IsLeader)
                {
                    await cluster.PublishAsync(ClusterChange.Inbox, "", context.RequestAborted);
                }
            }
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            LogStoreFailed(ex, update.Id);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    // Hashing first makes the comparison take the same time whatever the length of the guess.
    private bool HasSecret(string header) =>
        header.Length > 0 && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(header)), _secretHash);

    private static bool IsPowerOfTen(long n)
    {
        while (n % 10 == 0)
        {
            n /= 10;
        }
        return n == 1;
    }

    [LoggerMessage(LogLevel.Warning, "Webhook: refused a post from {Remote} without the right secret token header ({Count} so far; logged at 1, 10, 100, ...)")]
    private partial void LogRejected(string remote, long count);

    [LoggerMessage(LogLevel.Error, "Webhook: storing update {UpdateId} failed; answered 500 so Telegram posts it again")]
    private partial void LogStoreFailed(Exception ex, long updateId);
}
