using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Awareness;

/// <summary>Enqueues approved broadcasts one at a time, off the update loop; at start it resumes any a crash interrupted.</summary>
internal sealed partial class BroadcastWorker(BroadcastQueue queue, BroadcastStore store, BroadcastEnqueuer enqueuer, ILogger<BroadcastWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            foreach (var unfinished in await store.ResumableAsync(stoppingToken))
            {
                queue.Post(unfinished.Id);
            }
            await foreach (var id in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await enqueuer.RunAsync(id, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFailed(ex, id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; an unfinished broadcast resumes at the next start.
        }
    }

    [LoggerMessage(LogLevel.Error, "Enqueuing broadcast {Id} failed; it resumes at the next start")]
    private partial void LogFailed(Exception ex, long id);
}
