using Bot.Worker.Cluster;
using Bot.Worker.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Commands;

/// <summary>
/// Reads updates from the transport and hands each kind to its router (commands, buttons, block/unblock),
/// one at a time, in order; one bad update never stops the loop. Runs only while this node leads:
/// Telegram allows one poller per bot, and a node that loses the lease stops polling at once.
/// </summary>
internal sealed partial class UpdateReceiver(
    IUpdateSource source, CommandRouter commands, CallbackRouter callbacks, ChatMemberHandler members, ILeadership leadership,
    ILogger<UpdateReceiver> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await LeaderLoop.RunAsync(leadership, ReceiveAsync, stoppingToken);
    }

    private async Task ReceiveAsync(CancellationToken term)
    {
        try
        {
            await foreach (var update in source.ReadAllAsync(term))
            {
                try
                {
                    // An update cut short by the end of the term is not confirmed yet: the next leader handles it
                    // again, and its reply, keyed by the update, is not sent twice.
                    await RouteAsync(update, term);
                }
                catch (Exception ex) when (!term.IsCancellationRequested)
                {
                    LogUpdateFailed(ex, update.Key);
                }
            }
            LogInputEnded();
        }
        catch (OperationCanceledException) when (term.IsCancellationRequested)
        {
            // Shutting down, or the lease is lost.
        }
    }

    private Task RouteAsync(IncomingUpdate update, CancellationToken ct) => update switch
    {
        IncomingMessage message => commands.HandleAsync(message, ct),
        IncomingCallback callback => callbacks.HandleAsync(callback, ct),
        ChatMemberChange change => members.HandleAsync(change, ct),
        _ => Task.CompletedTask,
    };

    [LoggerMessage(LogLevel.Error, "Handling update {Key} failed")]
    private partial void LogUpdateFailed(Exception ex, string key);

    [LoggerMessage(LogLevel.Information, "Input ended; the worker keeps running and sending")]
    private partial void LogInputEnded();
}
