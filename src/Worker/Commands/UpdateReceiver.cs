using Bot.Worker.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Commands;

/// <summary>
/// Reads updates from the transport and hands each kind to its router (commands, buttons, block/unblock),
/// one at a time, in order; one bad update never stops the loop.
/// </summary>
internal sealed partial class UpdateReceiver(
    IUpdateSource source, CommandRouter commands, CallbackRouter callbacks, ChatMemberHandler members, ILogger<UpdateReceiver> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await foreach (var update in source.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await RouteAsync(update, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogUpdateFailed(ex, update.Key);
                }
            }
            LogInputEnded();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
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
