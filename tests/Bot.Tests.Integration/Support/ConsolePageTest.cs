using System.Globalization;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Worker.Hosting;

namespace Bot.Tests.Integration.Support;

/// <summary>
/// A test of console pages: a headless Chromium, the fake Bot API server and the worker on one storage provider,
/// with <paramref name="admins"/> as its admins; each test class adds what its pages need before and after the start.
/// </summary>
public abstract class ConsolePageTest(StorageProvider provider, params long[] admins) : IAsyncLifetime
{
    private protected Browser Chrome { get; private set; } = null!;

    private protected FakeBotApiServer Server { get; private set; } = null!;

    private protected BotUnderTest Bot { get; private set; } = null!;

    private protected StorageProvider Provider => provider;

    public async Task InitializeAsync()
    {
        Chrome = Browser.Start();
        Server = await FakeBotApiServer.StartAsync();
        var directory = await PrepareAsync();
        Bot = await BotUnderTest.StartAsync(provider, Server, settings =>
        {
            for (var i = 0; i < admins.Length; i++)
            {
                settings.Configuration[$"Bot:Admins:{i}"] = admins[i].ToString(CultureInfo.InvariantCulture);
            }
            Configure(settings);
        }, directory);
        await StartedAsync();
    }

    public async Task DisposeAsync()
    {
        Chrome.Dispose();
        await Bot.DisposeAsync();
        await Server.DisposeAsync();
        await StoppedAsync();
    }

    /// <summary>The worker's content directory, written before it starts (null: a new empty one).</summary>
    private protected virtual Task<string?> PrepareAsync() => Task.FromResult<string?>(null);

    /// <summary>Settings beyond the admins (a fake clock, a deadlines file).</summary>
    private protected virtual void Configure(WorkerHostSettings settings)
    {
    }

    /// <summary>What the pages need once the worker runs (subscribers, for example).</summary>
    private protected virtual Task StartedAsync() => Task.CompletedTask;

    /// <summary>After the worker stopped: the test's own servers go.</summary>
    private protected virtual Task StoppedAsync() => Task.CompletedTask;
}
