using Bot.TestDatabases;
using Bot.Tests.Unit.Support;
using Bot.Worker.Audit;
using Bot.Worker.Awareness;
using Bot.Worker.Configuration;
using Bot.Worker.Deadlines;
using Bot.Worker.Delivery;
using Bot.Worker.Hosting;
using Bot.Worker.Retention;
using Bot.Worker.Storage;
using Bot.Worker.Telegram.Webhook;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Unit.Retention;

/// <summary>The daily clean-up against a real database of each provider, with a fake clock.</summary>
public abstract class RetentionTests(StorageProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero));
    private TempDatabase _db = null!;

    private IDatabase Db => _db.Database;

    public async Task InitializeAsync() => _db = await TempDatabase.CreateAsync(_clock, provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Deletes_finished_outbox_rows_and_audit_entries_older_than_the_settings_and_keeps_the_rest()
    {
        var outbox = new OutboxStore(Db, _clock, new DispatchSignal(), new Bot.Worker.Cluster.AlwaysLeader(new Bot.Worker.Cluster.ClusterNode("test"), new Bot.Worker.Cluster.LeaseStore(Db)), new Bot.Worker.Cluster.SingleNodeSignals());
        var delivery = Fencing.Store(Db, _clock);
        var audit = new AuditStore(Db, _clock);
        var subscriptions = new SubscriptionStore(Db, _clock);
        var occurrences = new OccurrenceStore(Db, _clock);

        // 400 days ago: more than two batches of finished rows, one row still queued, evidence and consent.
        var old = await EnqueueAsync(outbox, "old", 2_500);
        var term = await Fencing.ClaimAsync(Db, delivery, [.. old.Take(2_498), old[2_499]]);
        await delivery.MarkSentBatchAsync([.. old.Take(2_497).Select(id => (id, 1, term))], CancellationToken.None);
        await delivery.MarkFinalAsync(old[2_497], term, DeliveryState.Failed, "400", CancellationToken.None);
        await delivery.MarkExpiredAsync(old[2_498], term, CancellationToken.None);
        var oldDeferred = old[2_499];
        await delivery.MarkDeferredAsync(oldDeferred, term, _clock.GetUtcNow().AddYears(2), true, "5xx", CancellationToken.None);
        await audit.WriteAsync(1, "template:set", "welcome en", true, CancellationToken.None);
        await subscriptions.SubscribeAsync(7, ["tips"], "/subscribe", CancellationToken.None);
        var (occurrence, _) = await occurrences.CreateAsync(
            new Occurrence { DeadlineId = "report", OccurrenceKey = "report@1", TeamId = "netsec", Title = "Report", DueAt = _clock.GetUtcNow().ToUnixTimeMilliseconds(), State = OccurrenceState.Open },
            [], CancellationToken.None);
        await occurrences.AddEventAsync(occurrence.Id, "reminded", 1001, 1001, "remind:1d", 1, null, CancellationToken.None);

        // 100 days ago: an audit entry (younger than 365 days); 89 days ago: a sent row (younger than 90 days).
        _clock.Advance(TimeSpan.FromDays(300));
        await audit.WriteAsync(1, "broadcast:approve", "1", true, CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(11));
        var young = await EnqueueAsync(outbox, "young", 1);
        await delivery.ClaimAsync([young[0]], term, CancellationToken.None);
        await delivery.MarkSentBatchAsync([(young[0], 2, term)], CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(89));

        var result = await Service(outbox, audit).RunAsync(CancellationToken.None);

        Assert.Equal(new RetentionResult(2_499, 1), result);
        Assert.Equal([oldDeferred, young[0]], await Db.QueryAsync<long>("SELECT id FROM outbox ORDER BY id", null, CancellationToken.None));
        Assert.Equal(["broadcast:approve"], (await audit.LatestAsync(10, CancellationToken.None)).Select(e => e.Action));
        Assert.Single(await subscriptions.ConsentLogAsync(7, 10, CancellationToken.None));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM occurrence_events", null, CancellationToken.None));
        Assert.Equal(new RetentionResult(0, 0), await Service(outbox, audit).RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Zero_days_keeps_everything()
    {
        var outbox = new OutboxStore(Db, _clock, new DispatchSignal(), new Bot.Worker.Cluster.AlwaysLeader(new Bot.Worker.Cluster.ClusterNode("test"), new Bot.Worker.Cluster.LeaseStore(Db)), new Bot.Worker.Cluster.SingleNodeSignals());
        var audit = new AuditStore(Db, _clock);
        var sent = await EnqueueAsync(outbox, "old", 3);
        var delivery = Fencing.Store(Db, _clock);
        var term = await Fencing.ClaimAsync(Db, delivery, [.. sent]);
        await delivery.MarkSentBatchAsync([.. sent.Select(id => (id, 1, term))], CancellationToken.None);
        await audit.WriteAsync(1, "template:set", null, true, CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(5_000));

        var result = await Service(outbox, audit, new RetentionOptions { OutboxDays = 0, AuditDays = 0 }).RunAsync(CancellationToken.None);

        Assert.Equal(new RetentionResult(0, 0), result);
        Assert.Equal(3L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM outbox", null, CancellationToken.None));
    }

    [Theory]
    [InlineData(-1, 365, "Retention:OutboxDays must be between 0 and 36500")]
    [InlineData(90, 40_000, "Retention:AuditDays must be between 0 and 36500")]
    public void Days_out_of_range_stop_start_up_with_one_line_naming_the_key(int outboxDays, int auditDays, string expected)
    {
        var result = new RetentionOptionsValidator().Validate(null, new RetentionOptions { OutboxDays = outboxDays, AuditDays = auditDays });

        Assert.Equal(expected, StartupFailure.Describe(new OptionsValidationException("Retention", typeof(RetentionOptions), result.Failures)));
    }

    private RetentionService Service(OutboxStore outbox, AuditStore audit, RetentionOptions? options = null) =>
        new(outbox, audit, [new WebhookInboxStore(Db, _clock)], Options.Create(options ?? new RetentionOptions()), _clock, new ListLogger<RetentionService>());

    private async Task<IReadOnlyList<long>> EnqueueAsync(OutboxStore outbox, string prefix, int count)
    {
        var messages = Enumerable.Range(0, count).Select(i => new OutgoingMessage($"{prefix}-{i}", 5_000_000_000L + i, "hi", MessagePriority.Tip, "test")).ToList();
        Assert.Equal(count, await outbox.EnqueueManyAsync(messages, CancellationToken.None));
        return await Db.QueryAsync<long>("SELECT id FROM outbox WHERE idem_key LIKE @prefix ORDER BY id", new { prefix = prefix + "-%" }, CancellationToken.None);
    }
}

public sealed class RetentionTestsOnSqlite() : RetentionTests(StorageProvider.Sqlite);

public sealed class RetentionTestsOnPostgres() : RetentionTests(StorageProvider.Postgres);
