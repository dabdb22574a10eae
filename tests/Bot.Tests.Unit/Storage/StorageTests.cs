using Bot.Tests.Unit.Support;
using Bot.Worker.Common;
using Bot.Worker.Storage;
using Bot.Worker.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Unit.Storage;

public sealed class StorageTests
{
    [Fact]
    public async Task Migrations_run_once()
    {
        await using var db = await TempDatabase.CreateAsync(TimeProvider.System);
        var again = await new SchemaMigrator(db.Database, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        Assert.Equal(0, again);
    }

    [Fact]
    public async Task A_second_worker_on_the_same_file_is_refused_with_a_clear_message()
    {
        await using var db = await TempDatabase.CreateAsync(TimeProvider.System);
        using var first = new SqliteInstanceLock();
        using var second = new SqliteInstanceLock();
        first.Acquire(db.SqliteFile);

        var error = Assert.Throws<StartupException>(() => second.Acquire(db.SqliteFile));

        Assert.Contains("Another worker is already running", error.Message, StringComparison.Ordinal);
        first.Dispose();
        second.Acquire(db.SqliteFile);
    }
}
