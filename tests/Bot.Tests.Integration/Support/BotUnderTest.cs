using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Worker.Delivery;
using Bot.Worker.Hosting;
using Bot.Worker.Storage;
using Dapper;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Tests.Integration.Support;

/// <summary>
/// The worker's real host, in process, talking through the real Telegram.Bot client to a fake
/// Bot API server, on its own SQLite file. Rate limits are off unless a test sets them.
/// </summary>
internal sealed class BotUnderTest : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _directory;
    private readonly TestStorage? _storage;
    private bool _stopped;

    private BotUnderTest(IHost host, string directory, LogCapture logs, TestStorage? storage)
    {
        _host = host;
        _directory = directory;
        Logs = logs;
        _storage = storage;
    }

    public LogCapture Logs { get; }

    public IServiceProvider Services => _host.Services;

    public string Directory => _directory;

    public static Task<BotUnderTest> StartAsync(FakeBotApiServer server, Action<WorkerHostSettings>? configure = null, string? directory = null) =>
        StartAsync(StorageProvider.Sqlite, server, configure, directory);

    /// <summary>The worker on <paramref name="provider"/>: a SQLite file in its directory, or a fresh PostgreSQL database.</summary>
    public static async Task<BotUnderTest> StartAsync(StorageProvider provider, FakeBotApiServer server, Action<WorkerHostSettings>? configure = null, string? directory = null)
    {
        directory ??= RepoPaths.NewTempDirectory("bot-it");
        var settings = Settings(server, directory);
        var storage = provider == StorageProvider.Sqlite ? null : await TestStorage.CreateAsync(provider, directory);
        storage?.Apply(settings.Configuration);
        configure?.Invoke(settings);
        IHost host = WorkerHost.CreateBuilder([], settings).Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            if (storage is not null)
            {
                await storage.DisposeAsync();
            }
            throw;
        }
        return new BotUnderTest(host, settings.ContentRoot!, (LogCapture)settings.LogSink!, storage);
    }

    public static WorkerHostSettings Settings(FakeBotApiServer server, string directory)
    {
        var settings = new WorkerHostSettings { ContentRoot = directory, LogSink = new LogCapture() };
        var c = settings.Configuration;
        c["Telegram:Token"] = server.Token;
        c["Telegram:ApiBaseUrl"] = server.BaseUrl;
        c["Telegram:PollTimeoutSeconds"] = "10";
        c["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "bot.db")}";
        c["Templates:Directory"] = RepoPaths.Templates;
        c["Logging:File:Path"] = Path.Combine(directory, "logs", "bot-.log");
        c["Logging:LogLevel:Default"] = "Information";
        c["Delivery:GlobalRatePerSecond"] = "0";
        c["Delivery:PerChatIntervalMs"] = "0";
        c["Delivery:GroupMessagesPerMinute"] = "0";
        // Any free port: tests run side by side, and a developer's worker may hold 8080.
        c["Web:Urls"] = "http://127.0.0.1:0";
        return settings;
    }

    /// <summary>Where the worker's HTTP server listens (the port Kestrel picked), such as http://127.0.0.1:41234.</summary>
    public Uri WebAddress => new(_host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public Task EnqueueAsync(string key, long chatId, string html, MessagePriority priority = MessagePriority.Reminder) =>
        Get<IOutbox>().EnqueueAsync(new OutgoingMessage(key, chatId, html, priority, "test"), CancellationToken.None);

    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Get<IDatabase>().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<T>(sql, args) ?? throw new InvalidOperationException("no value: " + sql);
    }

    /// <summary>Waits until the query returns <paramref name="expected"/> (results are recorded just after Telegram answers).</summary>
    public async Task WaitForAsync<T>(string sql, T expected, object? args = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        T? last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await ScalarAsync<T>(sql, args);
            if (EqualityComparer<T>.Default.Equals(last, expected))
            {
                return;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"{sql} gave {last}, expected {expected}");
    }

    /// <summary>Stops the worker (its locks released) and keeps its directory and database, for a second worker on the same data.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
            _host.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
