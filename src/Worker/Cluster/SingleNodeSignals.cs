namespace Bot.Worker.Cluster;

/// <summary>SQLite: one node, so nobody else to tell; in-process paths do the work.</summary>
internal sealed class SingleNodeSignals : IClusterSignals
{
    public Task PublishAsync(ClusterChange change, string payload, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Subscribe(ClusterChange change, Func<string, CancellationToken, Task> handler)
    {
        // Nothing ever arrives from another node.
    }
}
