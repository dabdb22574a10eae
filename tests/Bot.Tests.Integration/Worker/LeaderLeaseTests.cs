using System.Diagnostics;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Bot.Worker.Cluster;
using Bot.Worker.Storage;
using Bot.Worker.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Bot.Tests.Integration.Worker;

/// <summary>
/// The leader lease on a real PostgreSQL, node a reaching it through a relay that can go silent: a holder that cannot
/// confirm its lease ends its term within <see cref="LeaderLease.ConfirmWithin"/>; the database lets the lease expire
/// on its own and the other node leads with the next term number within 30 s; after the thaw the old holder follows.
/// </summary>
public sealed class LeaderLeaseTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private ScratchDatabase _database = null!;
    private FreezableRelay _relay = null!;
    private readonly List<NpgsqlDataSource> _sources = [];

    public async Task InitializeAsync()
    {
        _database = await ScratchDatabase.CreateAsync("lease");
        var direct = new PostgresDatabase(Source(_database.ConnectionString), []);
        await new SchemaMigrator(direct, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        _relay = FreezableRelay.Start(new NpgsqlConnectionStringBuilder(_database.ConnectionString).Port);
    }

    public async Task DisposeAsync()
    {
        _relay.Thaw();
        foreach (var source in _sources)
        {
            await source.DisposeAsync();
        }
        await _relay.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_holder_whose_database_goes_silent_stops_within_the_confirm_window_and_the_other_node_leads_within_30_s()
    {
        using var a = Lease(ThroughRelay(), "lease-a");
        await a.StartAsync(CancellationToken.None);
        var first = await a.WaitToLeadAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        using var b = Lease(_database.ConnectionString, "lease-b");
        await b.StartAsync(CancellationToken.None);
        var bLeads = b.WaitToLeadAsync(CancellationToken.None);
        await Task.Delay(LeaderLease.TryEvery * 3);
        Assert.False(bLeads.IsCompleted, "node b leads while node a holds the lease");

        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        first.Token.Register(() => ended.TrySetResult());
        var frozen = Stopwatch.StartNew();
        _relay.Freeze();

        await ended.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var stopped = frozen.Elapsed;
        Assert.False(a.IsLeader);
        var second = await bLeads.WaitAsync(TimeSpan.FromSeconds(40));
        var takeover = frozen.Elapsed;
        output.WriteLine($"node a stopped {stopped.TotalSeconds:F1} s after the freeze; node b led {takeover.TotalSeconds:F1} s after it (term {first.Number} -> {second.Number})");
        Assert.True(stopped <= LeaderLease.ConfirmWithin + TimeSpan.FromSeconds(0.5), $"node a led {stopped.TotalSeconds:F1} s into the silence");
        Assert.True(takeover < TimeSpan.FromSeconds(30), $"takeover took {takeover.TotalSeconds:F1} s");
        Assert.True(takeover > stopped, "node b led before node a had stopped");
        Assert.True(second.Number > first.Number);

        // The partition heals: node a's late calls reach the database, and it follows.
        _relay.Thaw();
        await Task.Delay(LeaderLease.Ttl / 3);
        Assert.False(a.IsLeader, "node a leads again after the thaw");
        Assert.True(b.IsLeader);
        Assert.Equal(second.Number, await TermAsync());

        await a.StopAsync(CancellationToken.None);
        await b.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_clean_stop_hands_the_lease_over_at_once_with_a_new_term()
    {
        using var a = Lease(_database.ConnectionString, "lease-a");
        await a.StartAsync(CancellationToken.None);
        var first = await a.WaitToLeadAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        using var b = Lease(_database.ConnectionString, "lease-b");
        await b.StartAsync(CancellationToken.None);
        var bLeads = b.WaitToLeadAsync(CancellationToken.None);

        var stopping = Stopwatch.StartNew();
        await a.StopAsync(CancellationToken.None);
        var second = await bLeads.WaitAsync(TimeSpan.FromSeconds(30));

        output.WriteLine($"node b led {stopping.Elapsed.TotalSeconds:F1} s after node a stopped");
        Assert.True(stopping.Elapsed < LeaderLease.Ttl, "node b waited for the lease to expire");
        Assert.True(first.Token.IsCancellationRequested);
        Assert.Equal(first.Number + 1, second.Number);
        await b.StopAsync(CancellationToken.None);
    }

    private LeaderLease Lease(string connectionString, string node)
    {
        var database = new PostgresDatabase(Source(connectionString), []);
        var outage = new StorageOutage(TimeProvider.System, NullLogger<StorageOutage>.Instance);
        return new LeaderLease(new LeaseStore(database), new ClusterNode(node), outage, NullLogger<LeaderLease>.Instance);
    }

    private string ThroughRelay() => new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Host = "127.0.0.1", Port = _relay.Port }.ConnectionString;

    private NpgsqlDataSource Source(string connectionString)
    {
        var source = NpgsqlDataSource.Create(connectionString);
        _sources.Add(source);
        return source;
    }

    private async Task<long> TermAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT term FROM cluster_lease WHERE name = 'leader'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
