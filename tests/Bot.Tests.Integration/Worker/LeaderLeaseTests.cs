using System.Diagnostics;
using Bot.TestDatabases;
using Bot.Worker.Cluster;
using Bot.Worker.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Bot.Tests.Integration.Worker;

/// <summary>The leader lease on a real PostgreSQL: a holder whose connection drops stops leading within a second, and only then does another node lead.</summary>
public sealed class LeaderLeaseTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task A_holder_whose_connection_drops_ends_its_term_within_1_s_and_the_other_node_takes_over()
    {
        await using var database = await ScratchDatabase.CreateAsync("lease");
        using var a = Lease(database, "lease-a");
        await a.StartAsync(CancellationToken.None);
        var term = await a.WaitToLeadAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        using var b = Lease(database, "lease-b");
        await b.StartAsync(CancellationToken.None);
        var bLeads = b.WaitToLeadAsync(CancellationToken.None);
        await Task.Delay(LeaderLease.RetryEvery * 2);
        Assert.False(bLeads.IsCompleted, "node b leads while node a holds the lease");

        // Node a's lock connection goes away (a network cut, a restarted pgbouncer, an admin's pg_terminate_backend).
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        term.Register(() => ended.TrySetResult());
        var dropped = Stopwatch.StartNew();
        Assert.Equal(1, await TerminateAsync(database, "bot-leader-lease-a"));
        await ended.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var stopped = dropped.Elapsed;
        output.WriteLine($"term ended {stopped.TotalMilliseconds:F0} ms after the connection dropped");
        Assert.True(stopped < TimeSpan.FromSeconds(1), $"node a still led {stopped.TotalMilliseconds:F0} ms after its connection dropped");
        Assert.False(a.IsLeader);

        // Whoever leads next (b, or a again on a new connection) does so only after the takeover grace.
        await Task.WhenAny(bLeads, a.WaitToLeadAsync(CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(dropped.Elapsed >= LeaderLease.TakeoverGrace, "a new term began before the old holder had surely stopped");
        Assert.False(a.IsLeader && b.IsLeader, "two leaders");

        await a.StopAsync(CancellationToken.None);
        await b.StopAsync(CancellationToken.None);
    }

    private static LeaderLease Lease(ScratchDatabase database, string node) =>
        new(database.ConnectionString, new ClusterNode(node), new StorageOutage(TimeProvider.System, NullLogger<StorageOutage>.Instance), NullLogger<LeaderLease>.Instance);

    private static async Task<int> TerminateAsync(ScratchDatabase database, string applicationName)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = @name) t", connection);
        command.Parameters.AddWithValue("name", applicationName);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
