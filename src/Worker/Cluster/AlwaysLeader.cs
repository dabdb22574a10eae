namespace Bot.Worker.Cluster;

/// <summary>SQLite and the console: one node, always the leader, for the host's whole life.</summary>
internal sealed class AlwaysLeader(ClusterNode node) : ILeadership
{
    public string NodeId => node.Id;

    public bool IsLeader => true;

    public Task<CancellationToken> WaitToLeadAsync(CancellationToken stoppingToken) => Task.FromResult(stoppingToken);
}
