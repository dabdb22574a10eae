namespace Bot.Worker.Cluster;

/// <summary>
/// Which node polls updates, runs the dispatcher, enqueues broadcasts and sets command menus: the one
/// holding the lease. With SQLite (one node) that is always this one.
/// </summary>
public interface ILeadership
{
    /// <summary>This node's id (Cluster:NodeId), written into the outbox rows it claims.</summary>
    string NodeId { get; }

    /// <summary>True while this node holds the lease.</summary>
    bool IsLeader { get; }

    /// <summary>Waits until this node holds the lease; the term's token is cancelled when it loses it or the host stops.</summary>
    Task<LeaderTerm> WaitToLeadAsync(CancellationToken stoppingToken);
}
