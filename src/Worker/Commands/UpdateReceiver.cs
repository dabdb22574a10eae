using Bot.Worker.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Commands;

/// <summary>Reads updates from the transport and routes them one at a time, in order; one bad update never stops the loop.</summary>
internal sealed partial class UpdateReceiver(IUpdateSource source, UpdateRouter router, ILogger<UpdateReceiver> logger) : BackgroundService
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
                    await router.HandleAsync(update, stoppingToken);
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

    [LoggerMessage(LogLevel.Error, "Handling update {Key} failed")]
    private partial void LogUpdateFailed(Exception ex, string key);

    [LoggerMessage(LogLevel.Information, "Input ended; the worker keeps running and sending")]
    private partial void LogInputEnded();
}
