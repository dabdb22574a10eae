using System.Data.Common;
using System.Globalization;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bot.Tests.Integration.Worker;

/// <summary>
/// kill -9 of a worker process in the middle of a reminder step (held inside its unit of work by a database trigger
/// on the step's state), then a restart: nothing of the step was committed, Quartz runs the step again, and each
/// member gets one reminder with one evidence line.
/// </summary>
public abstract class DeadlineCrashTests(StorageProvider provider)
{
    private const long Lead = 6001;
    private const long Member = 6002;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task A_worker_killed_mid_step_leaves_nothing_half_written_and_the_rerun_records_one_evidence_line_per_send()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = RepoPaths.NewTempDirectory("bot-dlcrash");
        await using var storage = await TestStorage.CreateAsync(provider, directory);
        await storage.MigratedAsync();
        await ExecuteAsync(storage, provider == StorageProvider.Postgres ? PostgresHang : SqliteHang);
        var args = WorkerProcess.Args(storage, server, directory, $"--Bot:DeadlinesFile={Path.Combine(directory, "deadlines.yaml")}");

        using (var first = WorkerProcess.Start(directory, args))
        {
            await first.WaitForOutputAsync(l => l.Contains("Application started", StringComparison.Ordinal), Wait);
            WriteDeadlines(directory, DateTimeOffset.UtcNow.AddHours(1).AddSeconds(4));
            await Eventually.TrueAsync(() => HangsInTheStepAsync(storage), Wait);
            first.KillHard();
        }
        await ExecuteAsync(storage, provider == StorageProvider.Postgres ? PostgresRelease : SqliteRelease);

        Assert.Equal(0, await CountAsync(storage, "SELECT COUNT(*) FROM outbox WHERE kind = 'deadline-reminder'"));
        Assert.Equal(0, await CountAsync(storage, "SELECT COUNT(*) FROM occurrence_events WHERE kind = 'reminded'"));
        Assert.Equal("scheduled", await storage.ScalarAsync<string>("SELECT state FROM occurrence_steps WHERE step = 'remind:1h'"));
        Assert.Empty(server.SentTo(Member));

        using (var second = WorkerProcess.Start(directory, args))
        {
            await server.WaitForMessagesAsync(Member, 1, Wait);
            await server.WaitForMessagesAsync(Lead, 1, Wait);
            await Eventually.TrueAsync(() => CountAsync(storage, "SELECT COUNT(*) FROM outbox WHERE kind = 'deadline-reminder' AND state = 'sent'").Result == 2, second);
            await second.WaitForOutputAsync(l => l.Contains("runs again", StringComparison.Ordinal), Wait);
        }

        Assert.Single(server.SentTo(Member));
        Assert.Single(server.SentTo(Lead));
        Assert.Equal("sent", await storage.ScalarAsync<string>("SELECT state FROM occurrence_steps WHERE step = 'remind:1h'"));
        Assert.Equal(2, await CountAsync(storage, "SELECT COUNT(*) FROM occurrence_events WHERE kind = 'reminded'"));
        Assert.Equal(1, await CountAsync(storage,
            "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM occurrence_events WHERE kind = 'reminded' GROUP BY occurrence_id, step, chat_id) AS per_send"));
        Assert.Equal(2, await CountAsync(storage,
            "SELECT COUNT(*) FROM occurrence_events e JOIN outbox o ON o.idem_key = e.send_key WHERE e.kind = 'reminded'"));
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    // The step's state update waits (PostgreSQL: sleeps; SQLite: counts a cross join that never ends) inside the
    // runner's transaction, after its outbox rows and evidence lines were written.
    private const string PostgresHang = """
        CREATE FUNCTION test_hang() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(600); RETURN NEW; END $$;
        CREATE TRIGGER test_hang BEFORE UPDATE ON occurrence_steps FOR EACH ROW WHEN (NEW.state = 'sent') EXECUTE FUNCTION test_hang();
        """;

    // The killed worker's server process sleeps on: end it (a real crash's would stop at its next statement).
    private const string PostgresRelease = """
        SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event = 'PgSleep' AND query LIKE 'UPDATE occurrence_steps%';
        DROP TRIGGER test_hang ON occurrence_steps;
        DROP FUNCTION test_hang();
        """;

    private const string SqliteHang = """
        CREATE TABLE test_spin (x INTEGER);
        WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000) INSERT INTO test_spin SELECT x FROM c;
        CREATE TRIGGER test_hang BEFORE UPDATE ON occurrence_steps WHEN NEW.state = 'sent'
        BEGIN SELECT MAX(a.x + b.x + c.x) FROM test_spin a, test_spin b, test_spin c; END;
        """;

    private const string SqliteRelease = "DROP TRIGGER test_hang; DROP TABLE test_spin;";

    /// <summary>Quartz runs the step, and the worker is stuck in the trigger: its update sleeping on the server, or SQLite's write lock held for seconds.</summary>
    private async Task<bool> HangsInTheStepAsync(TestStorage storage)
    {
        if (await CountAsync(storage, "SELECT COUNT(*) FROM qrtz_fired_triggers WHERE trigger_name = 'remind:1h' AND state = 'EXECUTING'") == 0)
        {
            return false;
        }
        if (provider == StorageProvider.Postgres)
        {
            return await CountAsync(storage, """
                SELECT COUNT(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event = 'PgSleep' AND query LIKE 'UPDATE occurrence_steps%'
                """) == 1;
        }
        return await WriteLockHeldAsync(storage) && await WriteLockHeldAsync(storage);
    }

    /// <summary>True if another connection holds SQLite's write lock for the whole second this one waits for it.</summary>
    private static async Task<bool> WriteLockHeldAsync(TestStorage storage)
    {
        var builder = new SqliteConnectionStringBuilder(storage.ConnectionString) { DefaultTimeout = 1, Pooling = false };
        await using var connection = new SqliteConnection(builder.ConnectionString);
        await connection.OpenAsync();
        try
        {
            await connection.ExecuteAsync("BEGIN IMMEDIATE");
            await connection.ExecuteAsync("ROLLBACK");
            return false;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 5)
        {
            return true;
        }
    }

    private static async Task ExecuteAsync(TestStorage storage, string sql)
    {
        await using DbConnection connection = await storage.OpenAsync();
        await connection.ExecuteAsync(sql);
    }

    private static async Task<int> CountAsync(TestStorage storage, string sql) => (int)await storage.ScalarAsync<long>(sql);

    private static void WriteDeadlines(string directory, DateTimeOffset due)
    {
        var local = TimeZoneInfo.ConvertTime(due, Shanghai).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(directory, "deadlines.yaml"), $"""
            time_zone: Asia/Shanghai
            teams:
              - id: fraud
                name: Fraud desk
                lead: {Lead}
                members: [{Lead}, {Member}]
            deadlines:
              - id: quarterly
                title: Quarterly fraud report
                team: fraud
                due: {local}
                remind: [1h]
            """);
    }
}

public sealed class DeadlineCrashTestsOnSqlite() : DeadlineCrashTests(StorageProvider.Sqlite);

public sealed class DeadlineCrashTestsOnPostgres() : DeadlineCrashTests(StorageProvider.Postgres);
