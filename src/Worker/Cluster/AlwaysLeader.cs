namespace Bot.Worker.Cluster;

/// <summary>
/// SQLite and the console: one node, always the leader, for the host's whole life. It still starts a term of its
/// own (a number in the lease row), so the dispatcher's fenced writes are the same on both providers.
/// </summary>
internal sealed class AlwaysLeader(ClusterNode node, LeaseStore lease) : ILeadership
{
    private readonly Lock _gate = new();
    private Task<long>? _term;

    public string NodeId => node.Id;

    public bool IsLeader => true;

    public async Task<LeaderTerm> WaitToLeadAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            Task<long> term;
            lock (_gate)
            {
                // One term for the process; a start that failed (the database was away) is tried again.
                if (_term is null || _term.IsFaulted || _term.IsCanceled)
                {
                    _term = lease.StartSoleTermAsync(node.Id, CancellationToken.None);
                }
                term = _term;
            }
            try
            {
                return new LeaderTerm(await term.WaitAsync(stoppingToken), stoppingToken);
            }
            catch (Exception) when (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }
}
