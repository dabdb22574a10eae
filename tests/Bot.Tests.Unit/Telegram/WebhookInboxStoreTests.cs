using Bot.TestDatabases;
using Bot.Tests.Unit.Support;
using Bot.Worker.Telegram.Webhook;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Unit.Telegram;

/// <summary>The webhook inbox against a real database of each provider: stored once, claimed in order, handled rows shrink and age out.</summary>
public abstract class WebhookInboxStoreTests(StorageProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero));
    private TempDatabase _db = null!;

    private WebhookInboxStore Inbox => new(_db.Database, _clock);

    public async Task InitializeAsync() => _db = await TempDatabase.CreateAsync(_clock, provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task The_same_update_id_is_stored_once()
    {
        Assert.True(await Inbox.AddAsync(501, """{"update_id":501}""", CancellationToken.None));
        Assert.False(await Inbox.AddAsync(501, """{"update_id":501,"again":true}""", CancellationToken.None));

        var claimed = await Inbox.ClaimUnhandledAsync("node-a", 100, CancellationToken.None);

        var row = Assert.Single(claimed);
        Assert.Equal("""{"update_id":501}""", row.Payload);
    }

    [Fact]
    public async Task Claims_unhandled_updates_oldest_first_and_a_handled_one_never_again()
    {
        foreach (var id in new long[] { 12, 10, 11 })
        {
            await Inbox.AddAsync(id, $$"""{"update_id":{{id}}}""", CancellationToken.None);
        }

        var first = await Inbox.ClaimUnhandledAsync("node-a", 2, CancellationToken.None);
        Assert.Equal([10L, 11L], first.Select(r => r.UpdateId));
        await Inbox.MarkHandledAsync(10, CancellationToken.None);

        // 11 was claimed but not handled (its leader died): the next claim takes it again, with 12.
        var second = await Inbox.ClaimUnhandledAsync("node-b", 100, CancellationToken.None);
        Assert.Equal([11L, 12L], second.Select(r => r.UpdateId));
    }

    [Fact]
    public async Task Handled_rows_drop_their_payload_and_are_deleted_after_the_cut_off()
    {
        await Inbox.AddAsync(1, """{"update_id":1}""", CancellationToken.None);
        await Inbox.AddAsync(2, """{"update_id":2}""", CancellationToken.None);
        await Inbox.MarkHandledAsync(1, CancellationToken.None);
        Assert.Equal(1L, await _db.Database.ScalarAsync<long>("SELECT COUNT(*) FROM webhook_inbox WHERE payload IS NULL", null, CancellationToken.None));
        _clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, await Inbox.DeleteBeforeAsync(_clock.GetUtcNow().AddDays(-7), 1000, CancellationToken.None));
        _clock.Advance(TimeSpan.FromDays(2));

        var deleted = await Inbox.DeleteBeforeAsync(_clock.GetUtcNow().AddDays(-7), 1000, CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal(2L, Assert.Single(await Inbox.ClaimUnhandledAsync("node-a", 100, CancellationToken.None)).UpdateId);
    }
}

public sealed class WebhookInboxStoreTestsOnSqlite() : WebhookInboxStoreTests(StorageProvider.Sqlite);

public sealed class WebhookInboxStoreTestsOnPostgres() : WebhookInboxStoreTests(StorageProvider.Postgres);
