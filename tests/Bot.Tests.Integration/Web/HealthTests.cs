using System.Net;
using System.Net.Sockets;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;

namespace Bot.Tests.Integration.Web;

/// <summary>/healthz, /readyz and Web:Urls of the real worker host.</summary>
public sealed class HealthTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Readyz_names_the_database_while_its_postgresql_server_is_stopped_and_recovers_after()
    {
        await using var postgres = await PostgresServer.StartNewAsync();
        var connectionString = await postgres.CreateDatabaseAsync("web");
        await using var server = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(server, s =>
        {
            s.Configuration["Storage:Provider"] = "Postgres";
            s.Configuration["Storage:ConnectionString"] = connectionString;
        });
        Assert.Equal(200, (await Scrape.GetAsync(bot, "/healthz")).Status);
        // Quartz starts its scheduler just after the host has started: ready within moments.
        await Eventually.TrueAsync(async () => (await Scrape.GetAsync(bot, "/readyz")).Status == 200, Wait);
        var ready = await Scrape.GetAsync(bot, "/readyz");
        Assert.Contains("database: Healthy", ready.Body, StringComparison.Ordinal);
        Assert.Contains("scheduler: Healthy", ready.Body, StringComparison.Ordinal);

        await postgres.StopAsync();
        var down = await Scrape.GetAsync(bot, "/readyz");
        Assert.Equal(503, down.Status);
        Assert.Contains("database: Unhealthy", down.Body, StringComparison.Ordinal);
        Assert.Equal(200, (await Scrape.GetAsync(bot, "/healthz")).Status);

        await postgres.StartAsync();
        await Eventually.TrueAsync(async () => (await Scrape.GetAsync(bot, "/readyz")).Status == 200, Wait);
    }

    [Fact]
    public async Task A_busy_web_port_stops_start_up_with_one_line_naming_web_urls()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = RepoPaths.NewTempDirectory("bot-web");
        using var worker = WorkerProcess.Start(directory, WorkerProcess.Args(server, directory, $"--Web:Urls=http://127.0.0.1:{port}"));

        var exit = await worker.WaitForExitAsync(Wait);

        Assert.Equal(2, exit);
        var fatal = Assert.Single(worker.Output, l => l.Contains("Start-up failed", StringComparison.Ordinal));
        Assert.Contains($"Web:Urls: cannot listen on http://127.0.0.1:{port}", fatal, StringComparison.Ordinal);
        Assert.DoesNotContain(worker.Output, l => l.Contains("   at ", StringComparison.Ordinal));
        Assert.Equal(0, server.SentCount);
    }
}
