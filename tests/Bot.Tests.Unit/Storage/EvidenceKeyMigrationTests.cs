using Bot.TestDatabases;
using Bot.Tests.Unit.Support;
using Bot.Worker.Storage;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Unit.Storage;

/// <summary>Migration 15 on evidence written before it: copies a rerun left are deleted (the first line stays), repeated sends are not.</summary>
public abstract class EvidenceKeyMigrationTests(StorageProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private TempDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TempDatabase.CreateAsync(_clock, provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Migration_15_deletes_the_copies_a_rerun_left_of_a_send_line_and_keeps_the_first()
    {
        var db = _db.Database;
        await using (var connection = await db.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("DROP INDEX ux_occurrence_events_send_key");
            await connection.ExecuteAsync("ALTER TABLE occurrence_events DROP COLUMN send_key");
            await connection.ExecuteAsync("DELETE FROM schema_version WHERE version = 15");
        }
        (string Kind, long? Chat, string? Step, long? User)[] lines =
        [
            ("reminded", 1001, "remind:1d", null), // 1
            ("reminded", 1001, "remind:1d", null), // 2: a copy of 1 (a rerun)
            ("reminded", 1002, "remind:1d", null), // 3
            ("reminded", 1001, "remind:2h", null), // 4
            ("escalated", 1001, null, null), // 5
            ("escalated", 1001, null, null), // 6: the second escalation, a send of its own
            ("overdue_notice", 1002, null, null), // 7
            ("overdue_notice", 1002, null, null), // 8: a copy of 7
            ("snoozed", null, null, 1002), // 9
            ("reminded", 1002, "snooze:1002", null), // 10
            ("snoozed", null, null, 1002), // 11
            ("reminded", 1002, "snooze:1002", null), // 12: after a new snooze, a send of its own
            ("reminded", 1002, "snooze:1002", null), // 13: a copy of 12
            ("extension_approved", null, null, 1001), // 14
            ("reminded", 1001, "remind:1d", null), // 15: the ladder started over, a send of its own
            ("acknowledged", null, null, 1002), // 16
            ("acknowledged", null, null, 1002), // 17: no send; not touched
        ];
        foreach (var (kind, chat, step, user) in lines)
        {
            await db.ExecuteAsync(
                "INSERT INTO occurrence_events (occurrence_id, at, kind, user_id, chat_id, step) VALUES (1, 0, @kind, @user, @chat, @step)",
                new { kind, user = user ?? chat, chat, step }, CancellationToken.None);
        }
        await db.ExecuteAsync(
            "INSERT INTO occurrence_events (occurrence_id, at, kind, user_id, chat_id, step) VALUES (2, 0, 'reminded', 1001, 1001, 'remind:1d')", null, CancellationToken.None);

        Assert.Equal(1, await new SchemaMigrator(db, _clock, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None));

        var kept = await db.QueryAsync<long>("SELECT id FROM occurrence_events ORDER BY id", null, CancellationToken.None);
        Assert.Equal([1L, 3, 4, 5, 6, 7, 9, 10, 11, 12, 14, 15, 16, 17, 18], kept);
        await db.ExecuteAsync("INSERT INTO occurrence_events (occurrence_id, at, kind, send_key) VALUES (1, 0, 'reminded', 'k')", null, CancellationToken.None);
        Assert.Equal(0, await db.ExecuteAsync(
            "INSERT INTO occurrence_events (occurrence_id, at, kind, send_key) VALUES (1, 0, 'reminded', 'k') ON CONFLICT (send_key) DO NOTHING", null, CancellationToken.None));
    }
}

public sealed class EvidenceKeyMigrationTestsOnSqlite() : EvidenceKeyMigrationTests(StorageProvider.Sqlite);

public sealed class EvidenceKeyMigrationTestsOnPostgres() : EvidenceKeyMigrationTests(StorageProvider.Postgres);
