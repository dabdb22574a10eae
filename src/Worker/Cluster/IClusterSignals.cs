namespace Bot.Worker.Cluster;

/// <summary>
/// Tells the other nodes that shared state changed (PostgreSQL: NOTIFY, heard by a LISTEN on every
/// node). With one node there is nobody to tell: publishing does nothing and handlers never run.
/// </summary>
public interface IClusterSignals
{
    /// <summary>Tells every other node; a failure is logged, not thrown (the database stays the truth).</summary>
    Task PublishAsync(ClusterChange change, string payload, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="handler"/> when another node published <paramref name="change"/>, and after
    /// the listener reconnected (payload empty: something may have been missed, look in the database).
    /// </summary>
    void Subscribe(ClusterChange change, Func<string, CancellationToken, Task> handler);
}
