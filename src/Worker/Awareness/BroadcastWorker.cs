using Bot.Worker.Cluster;
using Bot.Worker.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Awareness;

/// <summary>
/// Enqueues approved broadcasts one at a time, off the update loop, on the leader only: it reads the
/// broadcasts still to enqueue from the database (so a crash mid-enqueue, on any node, resumes from the
/// committed cursor) whenever the <see cref="BroadcastQueue"/> rings, and once a minute for safety.
/// </summary>
internal sealed partial class BroadcastWorker(
    BroadcastQueue queue, BroadcastStore store, BroadcastEnqueuer enqueuer, ILeadership leadership, IClusterSignals cluster,
    StorageOutage outage, TimeProvider clock, ILogger<BroadcastWorker> logger) : BackgroundService
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SafetyLook = TimeSpan.FromMinutes(1);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        cluster.Subscribe(ClusterChange.Broadcast, (_, _) =>
        {
            queue.Wake();
            return Task.CompletedTask;
        });
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await LeaderLoop.RunAsync(leadership, EnqueueWhileLeadingAsync, stoppingToken);
    }

    private async Task EnqueueWhileLeadingAsync(CancellationToken term)
    {
        // A broadcast that fails for a reason other than an outage is not tried again in this term.
        var failed = new HashSet<long>();
        while (true)
        {
            foreach (var id in await ResumableAsync(term))
            {
                if (!failed.Contains(id) && !await EnqueueAsync(id, term))
                {
                    failed.Add(id);
                }
            }
            await queue.WaitAsync(SafetyLook, clock, term);
        }
    }

    private async Task<bool> EnqueueAsync(long id, CancellationToken term)
    {
        // A database outage mid-enqueue: wait and resume from the committed cursor, as after a crash.
        while (true)
        {
            try
            {
                await enqueuer.RunAsync(id, term);
                return true;
            }
            catch (Exception ex) when (!term.IsCancellationRequested && StorageOutage.IsOutage(ex))
            {
                outage.Report(ex, $"enqueuing broadcast {id}");
                await Task.Delay(RetryEvery, clock, term);
            }
            catch (Exception ex) when (!term.IsCancellationRequested)
            {
                LogFailed(ex, id);
                return false;
            }
        }
    }

    private async Task<IReadOnlyList<long>> ResumableAsync(CancellationToken term)
    {
        while (true)
        {
            try
            {
                return [.. (await store.ResumableAsync(term)).Select(b => b.Id)];
            }
            catch (Exception ex) when (!term.IsCancellationRequested && StorageOutage.IsOutage(ex))
            {
                outage.Report(ex, "looking for broadcasts to enqueue");
                await Task.Delay(RetryEvery, clock, term);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Enqueuing broadcast {Id} failed; it resumes at the next start or change of leader")]
    private partial void LogFailed(Exception ex, long id);
}
