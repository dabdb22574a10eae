using Bot.Worker.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Awareness;

/// <summary>Enqueues approved broadcasts one at a time, off the update loop; at start it resumes any a crash interrupted.</summary>
internal sealed partial class BroadcastWorker(
    BroadcastQueue queue, BroadcastStore store, BroadcastEnqueuer enqueuer, StorageOutage outage, TimeProvider clock, ILogger<BroadcastWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await ResumeUnfinishedAsync(stoppingToken);
            await foreach (var id in queue.ReadAllAsync(stoppingToken))
            {
                // A database outage mid-enqueue: wait and resume from the committed cursor, as after a crash.
                while (true)
                {
                    try
                    {
                        await enqueuer.RunAsync(id, stoppingToken);
                        break;
                    }
                    catch (Exception ex) when (!stoppingToken.IsCancellationRequested && StorageOutage.IsOutage(ex))
                    {
                        outage.Report(ex, $"enqueuing broadcast {id}");
                        await Task.Delay(RetryEvery, clock, stoppingToken);
                    }
                    catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                    {
                        LogFailed(ex, id);
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; an unfinished broadcast resumes at the next start.
        }
    }

    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(2);

    private async Task ResumeUnfinishedAsync(CancellationToken ct)
    {
        while (true)
        {
            try
            {
                foreach (var unfinished in await store.ResumableAsync(ct))
                {
                    queue.Post(unfinished.Id);
                }
                return;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && StorageOutage.IsOutage(ex))
            {
                outage.Report(ex, "looking for unfinished broadcasts");
                await Task.Delay(RetryEvery, clock, ct);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Enqueuing broadcast {Id} failed; it resumes at the next start")]
    private partial void LogFailed(Exception ex, long id);
}
