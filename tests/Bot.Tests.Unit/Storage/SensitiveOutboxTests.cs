using Bot.TestDatabases;
using Bot.Tests.Unit.Support;
using Bot.Worker.Cluster;
using Bot.Worker.Delivery;
using Bot.Worker.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Unit.Storage;

/// <summary>
/// A sensitive outbox row (the /web sign-in link) keeps its text while it may still be sent and loses it in every
/// write of a final state, on each provider (the subclasses pick it).
/// </summary>
public abstract class SensitiveOutboxTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Secret = "login?token=s3cret";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private TempDatabase _db = null!;

    private IDatabase Db => _db.Database;

    public async Task InitializeAsync() => _db = await TempDatabase.CreateAsync(_clock, provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_sensitive_row_keeps_its_text_while_it_may_be_sent_and_loses_it_in_every_final_state()
    {
        var outbox = new OutboxStore(Db, _clock, new DispatchSignal(), new AlwaysLeader(new ClusterNode("test"), new LeaseStore(Db)), new SingleNodeSignals());
        var delivery = Fencing.Store(Db, _clock);
        var later = _clock.GetUtcNow().AddMinutes(5);
        var split = string.Join("\n", Enumerable.Repeat(new string('x', 99), 50)) + "\n" + Secret; // two parts
        await outbox.EnqueueManyAsync(
        [
            Sensitive("sent", 1), Sensitive("failed", 2), Sensitive("expired", 3), Sensitive("blocked", 4),
            Sensitive("retry", 5), Sensitive("claimed", 6), Sensitive("waiting", 7), Sensitive("later", 8) with { NotBefore = later },
            Sensitive("split", 9) with { Html = split },
            new OutgoingMessage("plain", 1, "hello " + Secret, MessagePriority.Reply, "test"),
        ], CancellationToken.None);

        var term = await Fencing.ClaimAsync(Db, delivery,
            await IdAsync("sent"), await IdAsync("plain"), await IdAsync("split"), await IdAsync("split#2"), await IdAsync("failed"), await IdAsync("retry"), await IdAsync("claimed"));
        await delivery.MarkSentBatchAsync([(await IdAsync("sent"), 10, term), (await IdAsync("plain"), 11, term), (await IdAsync("split"), 12, term), (await IdAsync("split#2"), 13, term)], CancellationToken.None);
        await delivery.MarkFinalAsync(await IdAsync("failed"), term, DeliveryState.Failed, "400 Bad Request", CancellationToken.None);
        await delivery.MarkExpiredAsync(await IdAsync("expired"), term, CancellationToken.None);
        await delivery.BlockChatAsync(4, "403 Forbidden", CancellationToken.None);
        await delivery.MarkDeferredAsync(await IdAsync("retry"), term, later, countsAsAttempt: true, "502", CancellationToken.None);

        foreach (var (key, state) in new[] { ("sent", "sent"), ("split", "sent"), ("split#2", "sent"), ("failed", "failed"), ("expired", "expired"), ("blocked", "blocked") })
        {
            Assert.Equal((state, ""), await RowAsync(key));
        }
        foreach (var (key, state) in new[] { ("retry", "deferred"), ("claimed", "sending"), ("waiting", "pending"), ("later", "deferred") })
        {
            Assert.Equal((state, "hello " + Secret), await RowAsync(key));
        }
        // Not sensitive: the ledger keeps what was said.
        Assert.Equal(("sent", "hello " + Secret), await RowAsync("plain"));
    }

    [Fact]
    public async Task Migration_12_marks_the_sign_in_links_already_queued_and_blanks_those_already_finished()
    {
        await Db.ExecuteAsync("ALTER TABLE outbox DROP COLUMN sensitive", null, CancellationToken.None);
        await Db.ExecuteAsync("DELETE FROM schema_version WHERE version = 12", null, CancellationToken.None);
        await Db.ExecuteAsync("""
            INSERT INTO outbox (idem_key, chat_id, priority, kind, text, state, not_before, created_at, updated_at)
            VALUES (@Key, 1, 0, @Kind, @Text, @State, 0, 0, 0)
            """,
            new[]
            {
                new { Key = "link-sent", Kind = "web-login", Text = Secret, State = "sent" },
                new { Key = "link-queued", Kind = "web-login", Text = Secret, State = "pending" },
                new { Key = "help-sent", Kind = "help", Text = "help", State = "sent" },
            }, CancellationToken.None);

        Assert.Equal(1, await new SchemaMigrator(Db, _clock, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None));

        Assert.Equal(("sent", ""), await RowAsync("link-sent"));
        Assert.Equal(("pending", Secret), await RowAsync("link-queued"));
        Assert.Equal(("sent", "help"), await RowAsync("help-sent"));
        var delivery = Fencing.Store(Db, _clock);
        var term = await Fencing.ClaimAsync(Db, delivery, await IdAsync("link-queued"));
        await delivery.MarkSentBatchAsync([(await IdAsync("link-queued"), 1, term)], CancellationToken.None);
        Assert.Equal(("sent", ""), await RowAsync("link-queued"));
    }

    private static OutgoingMessage Sensitive(string key, long chatId) =>
        new(key, chatId, "hello " + Secret, MessagePriority.Reply, "test", Sensitive: true);

    private async Task<long> IdAsync(string key) =>
        await Db.ScalarAsync<long>("SELECT id FROM outbox WHERE idem_key = @key", new { key }, CancellationToken.None);

    private async Task<(string State, string Text)> RowAsync(string key) =>
        (await Db.QueryAsync<(string, string)>("SELECT state, text FROM outbox WHERE idem_key = @key", new { key }, CancellationToken.None)).Single();
}

public sealed class SensitiveOutboxTestsOnSqlite() : SensitiveOutboxTests(StorageProvider.Sqlite);

public sealed class SensitiveOutboxTestsOnPostgres() : SensitiveOutboxTests(StorageProvider.Postgres);
