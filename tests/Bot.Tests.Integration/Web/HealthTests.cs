using System.Net;
using System.Net.Sockets;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;

namespace Bot.Tests.Integration.Web;

/// <summary>/healthz, /readyz, /metrics, Web:Urls and Web:OpsUrls of the real worker host.</summary>
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

    [Fact]
    public async Task With_ops_urls_health_and_metrics_answer_only_on_their_own_listener_and_only_to_get_and_head()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(server, s => s.Configuration["Web:OpsUrls"] = "http://127.0.0.1:0");
        var addresses = bot.Get<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        Assert.Equal(2, addresses.Count);
        var (console, ops) = (addresses[0], addresses[1]);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        foreach (var path in new[] { "/healthz", "/readyz", "/metrics" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(console, path))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(ops, "/healthz"))).StatusCode);
        Assert.Contains("bot_", await http.GetStringAsync(new Uri(ops, "/metrics")), StringComparison.Ordinal);
        // The console and everything else stay on the console's listener.
        Assert.Equal(HttpStatusCode.Redirect, (await http.GetAsync(new Uri(console, "/audit"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(ops, "/audit"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(ops, "/login"))).StatusCode);

        using var head = new HttpRequestMessage(HttpMethod.Head, new Uri(ops, "/metrics"));
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(head)).StatusCode);
        var post = await http.PostAsync(new Uri(ops, "/healthz"), new StringContent(""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal("GET, HEAD", string.Join(", ", post.Content.Headers.Allow));
        using var delete = new HttpRequestMessage(HttpMethod.Delete, new Uri(ops, "/metrics"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.SendAsync(delete)).StatusCode);
    }

    [Fact]
    public async Task Without_ops_urls_health_and_metrics_share_the_console_listener_and_refuse_other_methods()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(server);
        using var http = new HttpClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(bot.WebAddress, "/healthz"))).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.PostAsync(new Uri(bot.WebAddress, "/metrics"), new StringContent(""))).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.PutAsync(new Uri(bot.WebAddress, "/healthz"), new StringContent(""))).StatusCode);
    }
}
