using Bot.Worker.Storage;

namespace Bot.Worker.Cluster;

/// <summary>
/// The leader lease row (<c>cluster_lease</c>): who holds it, its term number, and until when. Taking and renewing
/// are PostgreSQL statements on the database's own clock (only a PostgreSQL cluster has a lease to share), so the
/// nodes' clocks do not matter; starting a term without a lease is the one-node case (SQLite).
/// </summary>
internal sealed class LeaseStore(IDatabase database)
{
    private const string Name = "leader";

    // Milliseconds of the database's clock at the moment the statement runs (clock_timestamp, not the transaction's now()).
    private const string DatabaseNow = "(extract(epoch from clock_timestamp()) * 1000)::bigint";

    /// <summary>Takes the lease when it is free or expired (or left by this node): a new term, held for <paramref name="ttl"/>; null when another node holds it.</summary>
    public Task<long?> TryTakeAsync(string node, TimeSpan ttl, CancellationToken ct) => database.ScalarAsync<long?>($"""
        UPDATE cluster_lease SET holder = @node, term = term + 1, expires_at = {DatabaseNow} + @ttl
        WHERE name = '{Name}' AND (holder IS NULL OR holder = @node OR expires_at <= {DatabaseNow})
        RETURNING term
        """, new { node, ttl = (long)ttl.TotalMilliseconds }, ct);

    /// <summary>Extends this node's lease of <paramref name="term"/> by <paramref name="ttl"/> from now; false when the term is over (expired and taken, or released).</summary>
    public async Task<bool> RenewAsync(string node, long term, TimeSpan ttl, CancellationToken ct) => await database.ExecuteAsync($"""
        UPDATE cluster_lease SET expires_at = {DatabaseNow} + @ttl
        WHERE name = '{Name}' AND holder = @node AND term = @term
        """, new { node, term, ttl = (long)ttl.TotalMilliseconds }, ct) == 1;

    /// <summary>Gives the lease up at once (a clean stop): the next node need not wait for it to expire.</summary>
    public Task ReleaseAsync(string node, long term, CancellationToken ct) => database.ExecuteAsync(
        $"UPDATE cluster_lease SET holder = NULL, expires_at = 0 WHERE name = '{Name}' AND holder = @node AND term = @term",
        new { node, term }, ct);

    /// <summary>A new term for the only node there is (no expiry to keep): any term before it is fenced off.</summary>
    public async Task<long> StartSoleTermAsync(string node, CancellationToken ct) => await database.ScalarAsync<long>(
        $"UPDATE cluster_lease SET holder = @node, term = term + 1 WHERE name = '{Name}' RETURNING term", new { node }, ct);
}
