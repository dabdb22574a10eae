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

    public static Task RunAsync(ILeadership leadership, Func<CancellationToken, Task> work, CancellationToken stoppingToken) =>
        RunAsync(leadership, term => work(term.Token), stoppingToken);

    /// <summary>The same, for work that needs the term's number (the dispatcher's fenced writes).</summary>
    public static async Task RunAsync(ILeadership leadership, Func<LeaderTerm, Task> work, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            LeaderTerm term;
            try
            {
                term = await leadership.WaitToLeadAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            if (term.Token == stoppingToken)
            {
                // Always the leader: the work runs once, for the host's life.
                try
                {
                    await work(term);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    // Stopping.
                }
                return;
            }
            // The term, or this service's own stop (the lease is stopped after the services that use it).
            using var both = CancellationTokenSource.CreateLinkedTokenSource(term.Token, stoppingToken);
            try
            {
                await work(term with { Token = both.Token });
            }
            catch (OperationCanceledException) when (both.IsCancellationRequested)
            {
                // Lost the lease (or stopping): wait for the next term.
            }
            // Work that ends on its own (menus registered) runs once per term.
            await both.Token.WhenCancelledAsync();
        }
    }
}
