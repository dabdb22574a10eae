using System.Net;
using System.Net.Sockets;
using Bot.TestDatabases;
using Bot.Tests.Unit.Support;
using Bot.Worker.Storage;
using Dapper;
using Npgsql;

namespace Bot.Tests.Unit.Storage;

public sealed class PostgresServerTests
{
    // As SchemaMigrator creates it (it needs an IDatabase, so the scripts are run here directly).
    private const string SchemaVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";

    [Fact]
    public async Task The_shared_server_starts_and_gives_a_fresh_utf8_database()
    {
        await using var db = await ScratchDatabase.CreateAsync("started");
        await using var connection = await OpenAsync(db.ConnectionString);

        Assert.Equal(db.Name, await connection.ExecuteScalarAsync<string>("SELECT current_database()"));
        Assert.Equal("UTF8", await connection.ExecuteScalarAsync<string>("SHOW server_encoding"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"));
        Assert.StartsWith("started_", db.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_databases_are_independent()
    {
        await using var first = await ScratchDatabase.CreateAsync();
        await using var second = await ScratchDatabase.CreateAsync();
        await using var a = await OpenAsync(first.ConnectionString);
        await using var b = await OpenAsync(second.ConnectionString);

        await a.ExecuteAsync("CREATE TABLE t (x BIGINT); INSERT INTO t VALUES (1), (2)");
        await b.ExecuteAsync("CREATE TABLE t (x BIGINT); INSERT INTO t VALUES (7)");

        Assert.Equal([1L, 2L], await a.QueryAsync<long>("SELECT x FROM t ORDER BY x"));
        Assert.Equal([7L], await b.QueryAsync<long>("SELECT x FROM t"));
        Assert.NotEqual(first.Name, second.Name);
    }

    [Fact]
    public void Postgres_migrations_have_the_sqlite_versions_and_names()
    {
        Assert.Equal(
            SchemaMigrator.Load("Sqlite").Select(m => (m.Version, m.Name)),
            SchemaMigrator.Load("Postgres").Select(m => (m.Version, m.Name)));
    }

    [Fact]
    public async Task Postgres_migrations_apply_in_order_and_give_the_sqlite_tables_and_columns()
    {
        await using var db = await ScratchDatabase.CreateAsync("migrations");
        await using var connection = await OpenAsync(db.ConnectionString);
        await MigrateAsync(connection);
        await using var sqlite = await TempDatabase.CreateAsync(TimeProvider.System);
        await using var sqliteConnection = await sqlite.Database.OpenAsync(CancellationToken.None);

        var expected = await sqliteConnection.QueryAsync<(string Table, string Column, bool Nullable)>(
            """
            SELECT m.name, p.name, p."notnull" = 0 AND p.pk = 0
            FROM sqlite_master m JOIN pragma_table_info(m.name) p
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
            """);
        var actual = await connection.QueryAsync<(string Table, string Column, bool Nullable)>(
            "SELECT table_name::text, column_name::text, is_nullable = 'YES' FROM information_schema.columns WHERE table_schema = 'public'");

        Assert.Equal(expected.Order(), actual.Order());
        Assert.Equal(SchemaMigrator.Load("Sqlite").Select(m => m.Version), await connection.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version"));
    }

    [Fact]
    public async Task Postgres_migrations_give_the_sqlite_indexes_with_the_same_partial_ones()
    {
        await using var db = await ScratchDatabase.CreateAsync("indexes");
        await using var connection = await OpenAsync(db.ConnectionString);
        await MigrateAsync(connection);
        await using var sqlite = await TempDatabase.CreateAsync(TimeProvider.System);
        await using var sqliteConnection = await sqlite.Database.OpenAsync(CancellationToken.None);

        var expected = await sqliteConnection.QueryAsync<(string Name, bool Partial)>(
            "SELECT name, sql LIKE '% WHERE %' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL");
        var actual = await connection.QueryAsync<(string Name, bool Partial)>(
            """
            SELECT indexname::text, indexdef LIKE '% WHERE %' FROM pg_indexes
            WHERE schemaname = 'public' AND indexname NOT IN (SELECT conname FROM pg_constraint)
            """);

        Assert.Equal(expected.Order(), actual.Order());
        Assert.Contains(("ix_outbox_pending", true), actual);
    }

    [Fact]
    public async Task Postgres_ids_and_times_are_bigint_and_keys_are_generated()
    {
        await using var db = await ScratchDatabase.CreateAsync("types");
        await using var connection = await OpenAsync(db.ConnectionString);
        await MigrateAsync(connection);

        var integers = await connection.QueryAsync<(string Table, string Column)>(
            "SELECT table_name::text, column_name::text FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'integer'");
        var id = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO broadcasts (run_key, kind, topic, template, state, created_at) VALUES ('alert:1', 'alert', 'alerts', 'alert', 'approved', 1) RETURNING id");
        var cursor = await connection.ExecuteScalarAsync<long>("SELECT cursor_chat_id FROM broadcasts WHERE id = @id", new { id });

        // Only small counters, 0/1 flags, template versions and minutes of the day stay 32-bit.
        Assert.DoesNotContain(integers, c => c.Column is "id" or "at" or "since" or "until" or "planned_through"
            || c.Column.EndsWith("_id", StringComparison.Ordinal) || c.Column.EndsWith("_at", StringComparison.Ordinal)
            || c.Column.EndsWith("_by", StringComparison.Ordinal) || c.Column.EndsWith("_ms", StringComparison.Ordinal));
        Assert.Equal(1, id);
        Assert.Equal(long.MinValue, cursor);
    }

    [Fact]
    public async Task A_server_stopped_and_started_again_keeps_its_port_and_data()
    {
        await using var server = await PostgresServer.StartNewAsync();
        var connectionString = await server.CreateDatabaseAsync("restart");
        await using (var connection = await OpenAsync(connectionString))
        {
            await connection.ExecuteAsync("CREATE TABLE t (x BIGINT); INSERT INTO t VALUES (42)");
        }
        var port = server.Port;

        await server.StopAsync();
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => OpenAsync(Unpooled(connectionString)));
        await server.StartAsync();

        Assert.Equal(port, server.Port);
        await using var again = await OpenAsync(Unpooled(connectionString));
        Assert.Equal(42, await again.ExecuteScalarAsync<long>("SELECT x FROM t"));
    }

    [Fact]
    public async Task A_start_that_fails_says_why_with_the_server_log()
    {
        await using var server = await PostgresServer.StartNewAsync();
        await server.StopAsync(immediate: true);
        using var squatter = new TcpListener(IPAddress.Loopback, server.Port);
        squatter.Start();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(server.StartAsync);

        Assert.Contains("pg_ctl exited with 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("could not bind", error.Message, StringComparison.Ordinal);
        Assert.False(server.IsRunning);
    }

    [Fact]
    public async Task Stopping_the_shared_server_is_refused()
    {
        var shared = await PostgresServer.GetSharedAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => shared.StopAsync());

        Assert.Contains(nameof(PostgresServer.StartNewAsync), error.Message, StringComparison.Ordinal);
        Assert.True(shared.IsRunning);
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 3 }.ConnectionString;

    private static async Task MigrateAsync(NpgsqlConnection connection)
    {
        await connection.ExecuteAsync(SchemaVersionTable);
        foreach (var migration in SchemaMigrator.Load("Postgres"))
        {
            await using var tx = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync(migration.Sql, transaction: tx);
            await connection.ExecuteAsync(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @At)",
                new { migration.Version, migration.Name, At = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() },
                tx);
            await tx.CommitAsync();
        }
    }
}
