using Bot.FakeTelegram;
using Bot.Worker.Delivery;
using Bot.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Bench;

/// <summary>The worker's real host against the fake server, on a temporary SQLite file (or the given storage), logging warnings only.</summary>
internal sealed class BenchWorker : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _directory;

    private BenchWorker(IHost host, string directory)
    {
        _host = host;
        _directory = directory;
    }

    public IOutbox Outbox => _host.Services.GetRequiredService<IOutbox>();

    public IServiceProvider Services => _host.Services;

    public static async Task<BenchWorker> StartAsync(FakeBotApiServer server, int globalRatePerSecond, int perChatIntervalMs, string? directory = null,
        BenchStorage? storage = null, params (string Key, string Value)[] extra)
    {
        directory ??= Path.Combine(Path.GetTempPath(), "bot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var settings = Settings(server, directory, globalRatePerSecond, perChatIntervalMs, storage);
        foreach (var (key, value) in extra)
        {
            settings.Configuration[key] = value;
        }
        var host = WorkerHost.CreateBuilder([], settings).Build();
        await host.StartAsync();
        return new BenchWorker(host, directory);
    }

    /// <summary>The worker's configuration for a benchmark: the fake server, a SQLite file in <paramref name="directory"/>, warnings only.</summary>
    public static WorkerHostSettings Settings(FakeBotApiServer server, string directory, int globalRatePerSecond, int perChatIntervalMs, BenchStorage? storage = null)
    {
        var settings = new WorkerHostSettings { ContentRoot = directory };
        var c = settings.Configuration;
        c["Telegram:Token"] = server.Token;
        c["Telegram:ApiBaseUrl"] = server.BaseUrl;
        c["Storage:ConnectionString"] = "Data Source=" + Path.Combine(directory, "bot.db");
        c["Templates:Directory"] = Repo.Templates;
        c["Logging:File:Path"] = "";
        c["Logging:LogLevel:Default"] = "Warning";
        c["Delivery:GlobalRatePerSecond"] = globalRatePerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture);
        c["Delivery:PerChatIntervalMs"] = perChatIntervalMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        c["Bot:DeadlinesFile"] = Path.Combine(directory, "none.yaml");
        c["Bot:CampaignsFile"] = Path.Combine(directory, "none.yaml");
        // No HTTP unless a benchmark turns it on (the metrics benchmark does, on any free port).
        c["Web:Enabled"] = "false";
        c["Web:Urls"] = "http://127.0.0.1:0";
        storage?.Apply(c, directory);
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
