namespace Bot.Worker.Cluster;

/// <summary>Runs a piece of leader-only work for each term this node leads, cancelled when the term ends.</summary>
internal static class LeaderLoop
{
    private static Task WhenCancelledAsync(this CancellationToken token)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => done.TrySetResult());
        return done.Task;
    }

    public static async Task RunAsync(ILeadership leadership, Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            CancellationToken term;
            try
            {
                term = await leadership.WaitToLeadAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            try
            {
                await work(term);
            }
            catch (OperationCanceledException) when (term.IsCancellationRequested)
            {
                // Lost the lease (or stopping): wait for the next term.
            }
            if (term == stoppingToken)
            {
                // Always the leader: the work ended on its own.
                return;
            }
            // Work that ends on its own (menus registered) runs once per term.
            await term.WhenCancelledAsync();
        }
    }
}
