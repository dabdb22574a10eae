using System.Runtime.CompilerServices;
using System.Text.Json;
using Bot.Worker.Cluster;
using Bot.Worker.Transport;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Update = Telegram.Bot.Types.Update;

namespace Bot.Worker.Telegram.Webhook;

/// <summary>
/// Webhook mode's update source, read by the leader's <c>UpdateReceiver</c> like polling's: at the start
/// of each term it sets the webhook, then claims unhandled inbox rows in update order and yields each.
/// A row is marked handled when the receiver asks for the next one, after routing it, so an update cut
/// short by the end of the term is claimed again by the next leader (its reply, keyed by the update, is
/// not sent twice). Woken by <see cref="InboxSignal"/>; it also looks every half minute in case a
/// notification from another node was lost.
/// </summary>
internal sealed partial class WebhookUpdateSource : IUpdateSource
{
    private const int Batch = 100;
    private static readonly TimeSpan LookAnywayEvery = TimeSpan.FromSeconds(30);

    private readonly WebhookRegistration _registration;
    private readonly WebhookInboxStore _inbox;
    private readonly InboxSignal _signal;
    private readonly ILeadership _leadership;
    private readonly TimeProvider _clock;
    private readonly ILogger<WebhookUpdateSource> _logger;

    public WebhookUpdateSource(
        WebhookRegistration registration, WebhookInboxStore inbox, InboxSignal signal, ILeadership leadership, IClusterSignals cluster, TimeProvider clock,
        ILogger<WebhookUpdateSource> logger)
    {
        (_registration, _inbox, _signal, _leadership, _clock, _logger) = (registration, inbox, signal, leadership, clock, logger);
        cluster.Subscribe(ClusterChange.Inbox, (_, _) =>
        {
            signal.Notify();
            return Task.CompletedTask;
        });
    }

    public async IAsyncEnumerable<IncomingUpdate> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _registration.SetAsync(cancellationToken);
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<InboxUpdate> claimed;
            try
            {
                claimed = await _inbox.ClaimUnhandledAsync(_leadership.NodeId, Batch, cancellationToken);
                failures = 0;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                failures++;
                var wait = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures)));
                LogClaimFailed(ex, wait.TotalSeconds);
                await Task.Delay(wait, _clock, cancellationToken);
                continue;
            }
            if (claimed.Count == 0)
            {
                await _signal.WaitAsync(LookAnywayEvery, _clock, cancellationToken);
                continue;
            }
            foreach (var row in claimed)
            {
                if (Map(row) is { } mapped)
                {
                    yield return mapped;
                }
                await MarkHandledAsync(row.UpdateId, cancellationToken);
            }
        }
    }

    // Retried until it sticks: a row left unhandled would be claimed, and handled, again.
    private async Task MarkHandledAsync(long updateId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _inbox.MarkHandledAsync(updateId, ct);
                return;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                var wait = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, attempt)));
                LogMarkFailed(ex, updateId, wait.TotalSeconds);
                await Task.Delay(wait, _clock, ct);
            }
        }
    }

    private IncomingUpdate? Map(InboxUpdate row)
    {
        try
        {
            return JsonSerializer.Deserialize<Update>(row.Payload, JsonBotAPI.Options) is { } update ? TelegramUpdateSource.Map(update) : null;
        }
        catch (JsonException ex)
        {
            // Stored only after it parsed, so this is a bug, not Telegram's doing: skip it rather than retry for ever.
            LogUnreadable(ex, row.UpdateId);
            return null;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Reading the webhook inbox failed; retrying in {Seconds}s")]
    private partial void LogClaimFailed(Exception ex, double seconds);

    [LoggerMessage(LogLevel.Warning, "Marking webhook update {UpdateId} handled failed; retrying in {Seconds}s")]
    private partial void LogMarkFailed(Exception ex, long updateId, double seconds);

    [LoggerMessage(LogLevel.Error, "Webhook inbox: update {UpdateId} cannot be read; skipped")]
    private partial void LogUnreadable(Exception ex, long updateId);
}
