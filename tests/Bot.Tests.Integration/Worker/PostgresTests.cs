using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Bot.Worker.Awareness;
using Bot.Worker.Storage;
using Serilog.Events;
using Xunit.Abstractions;

namespace Bot.Tests.Integration.Worker;

/// <summary>What only PostgreSQL has: a server that is not there at start, one that goes away mid-broadcast (several workers: ClusterTests).</summary>
public sealed class PostgresTests(ITestOutputHelper output)
{
    private const int Recipients = 1000;
    private const int MaxParallelSends = 8;

    [Fact]
    public async Task Unreachable_postgres_stops_start_up_with_one_line_naming_the_key_and_never_the_password()
    {
        using var worker = WorkerProcess.Start(RepoPaths.Root, "--Storage:Provider=Postgres",
            "--Storage:ConnectionString=Host=127.0.0.1;Port=9;Database=bot;Username=bot;Password=Sup3rSecretPw;Timeout=3", "--Logging:File:Path=");

        Assert.Equal(2, await worker.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var fatal = Assert.Single(worker.Output, l => l.Contains("FTL", StringComparison.Ordinal));
        Assert.Contains("Storage:ConnectionString", fatal, StringComparison.Ordinal);
        Assert.Contains("Host=127.0.0.1;Port=9;Database=bot;Username=bot", fatal, StringComparison.Ordinal);
        Assert.DoesNotContain(worker.Output, l => l.Contains("Sup3rSecretPw", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Postgres_stopped_for_10_s_mid_broadcast_loses_nothing_and_logs_the_outage_once_a_minute()
    {
        await using var postgres = await PostgresServer.StartNewAsync();
        var connectionString = await postgres.CreateDatabaseAsync("outage");
        await using var server = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(server, s =>
        {
            s.Configuration["Storage:Provider"] = "Postgres";
            s.Configuration["Storage:ConnectionString"] = connectionString;
            s.Configuration["Delivery:GlobalRatePerSecond"] = "50";
            s.Configuration["Delivery:MaxParallelSends"] = MaxParallelSends.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        var broadcast = await SeedAsync(bot.Get<IDatabase>());
        bot.Get<BroadcastQueue>().Post(broadcast);

        await Eventually.TrueAsync(() => server.SentCount >= Recipients / 5);
        var logsBefore = bot.Logs.Events.Count;
        await postgres.StopAsync();
        var sentWhenStopped = server.SentCount;
        // The outage itself: PostgreSQL is away for 10 s of wall-clock time while the worker keeps running.
        await Task.Delay(TimeSpan.FromSeconds(10));
        var sentDuringOutage = server.SentCount - sentWhenStopped;
        await postgres.StartAsync();

        await Eventually.TrueAsync(() => server.Sent.Select(m => m.ChatId).Distinct().Count() == Recipients, within: TimeSpan.FromSeconds(120));
        await bot.WaitForAsync("SELECT COUNT(*) FROM outbox WHERE state = 'sent'", Recipients);
        var copies = server.Sent.GroupBy(m => m.ChatId).Select(g => g.Count()).ToList();
        var outageLines = bot.Logs.Events.Skip(logsBefore).Where(e => e.Level >= LogEventLevel.Warning
            && e.Properties.TryGetValue("SourceContext", out var source) && source.ToString().Contains("Bot.Worker", StringComparison.Ordinal)).ToList();
        output.WriteLine($"sent during outage {sentDuringOutage}, repeated {copies.Count(c => c > 1)}, worker warnings {outageLines.Count}:");
        outageLines.ForEach(e => output.WriteLine(e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(Recipients, copies.Count);
        Assert.True(copies.Count(c => c > 1) <= MaxParallelSends, $"{copies.Count(c => c > 1)} repeated");
        Assert.InRange(outageLines.Count, 1, 3);
        Assert.Contains(bot.Logs.Lines, l => l.Contains("database answers again", StringComparison.Ordinal));
    }

    private static async Task<long> SeedAsync(IDatabase database) => await database.InTransactionAsync(async ct =>
    {
        var chats = Enumerable.Range(0, Recipients).Select(i => new { Id = 700_000L + i }).ToList();
        await database.ExecuteAsync("INSERT INTO chats (chat_id, kind, user_id, first_name, language, status, status_at, created_at, updated_at) VALUES (@Id, 'private', @Id, 'User', 'en', 'active', 0, 0, 0)", chats, ct);
        await database.ExecuteAsync("INSERT INTO subscriptions (chat_id, topic, since) VALUES (@Id, 'alerts', 0)", chats, ct);
        return await database.ScalarAsync<long>("""
            INSERT INTO broadcasts (run_key, kind, topic, template, state, proposed_by, decided_by, created_at)
            VALUES ('alert:outage', 'alert', 'alerts', 'alert', 'approved', 1, 2, 0) RETURNING id
            """, null, ct);
    }, CancellationToken.None);
}
