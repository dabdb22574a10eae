using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Bot.Worker.Cli;
using Microsoft.Data.Sqlite;

namespace Bot.Tests.Integration.Worker;

/// <summary><c>backup FILE</c>: SQLite's online backup of the database of a worker that is sending a broadcast.</summary>
public sealed class BackupTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_backup_taken_mid_broadcast_opens_and_passes_integrity_check_while_the_worker_goes_on()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = RepoPaths.NewTempDirectory("bot-backup");
        await using var storage = await TestStorage.CreateAsync(StorageProvider.Sqlite, directory);
        await BroadcastCrashTests.SeedAsync(await storage.MigratedAsync());
        var args = WorkerProcess.Args(storage, server, directory, "--Delivery:GlobalRatePerSecond=100", "--Delivery:MaxParallelSends=4");
        var copy = Path.Combine(directory, "backups", "bot-copy.db");

        using (var worker = WorkerProcess.Start(directory, args))
        {
            await Eventually.TrueAsync(() => server.Sent.Count >= 200, worker);
            using var backup = WorkerProcess.Start(directory, ["backup", copy, .. storage.Args]);
            Assert.Equal(0, await backup.WaitForExitAsync(Wait));
            Assert.Contains(backup.Output, l => l.StartsWith("Backed up ", StringComparison.Ordinal) && l.Contains("integrity_check ok", StringComparison.Ordinal));
            var sentAtBackup = server.Sent.Count;

            // The worker did not wait for the copy, and still sends.
            await Eventually.TrueAsync(() => server.Sent.Count >= sentAtBackup + 100, worker);
            using var again = WorkerProcess.Start(directory, ["backup", copy, .. storage.Args]);
            Assert.Equal(1, await again.WaitForExitAsync(Wait));
            Assert.Contains(again.Output, l => l.Contains("exists", StringComparison.Ordinal));
            await worker.StopAsync(Wait);
        }

        await using (var connection = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync();
            Assert.Equal("ok", await ScalarAsync<string>(connection, "PRAGMA integrity_check"));
            Assert.Equal("delete", await ScalarAsync<string>(connection, "PRAGMA journal_mode"));
            Assert.Equal(BroadcastCrashTests.Subscribers, await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM outbox"));
            Assert.InRange(await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM outbox WHERE state = 'sent'"), 1, BroadcastCrashTests.Subscribers - 1);
            Assert.True(await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM qrtz_job_details") > 0, "Quartz's tables are in the copy too");
        }
        Assert.False(File.Exists(copy + "-wal"));
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void With_postgres_it_says_to_use_pg_dump_and_exits_2()
    {
        var output = new StringWriter();
        var errors = new StringWriter();

        var code = BackupCli.Run(["backup", Path.Combine(Path.GetTempPath(), "never.db"), "--Storage:Provider=Postgres", "--Storage:ConnectionString=Host=127.0.0.1;Database=bot;Username=bot;Password=secret-pw"], output, errors);

        Assert.Equal(2, code);
        var line = Assert.Single(errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Storage:Provider is Postgres: use pg_dump", line, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", line, StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void Without_a_file_name_it_prints_the_usage_and_exits_2()
    {
        var errors = new StringWriter();
        Assert.Equal(2, BackupCli.Run(["backup"], TextWriter.Null, errors));
        Assert.StartsWith("usage: backup FILE", errors.ToString(), StringComparison.Ordinal);
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
