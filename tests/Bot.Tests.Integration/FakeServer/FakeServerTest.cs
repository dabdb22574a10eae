using Bot.FakeTelegram;
using Telegram.Bot;

namespace Bot.Tests.Integration.FakeServer;

// Each test gets its own fake server on a fresh port and a real Telegram.Bot client for it.
public abstract class FakeServerTest : IAsyncLifetime
{
    // Upper bounds for things that happen at once; never waited out on success.
    protected static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    // One client for all tests, as HttpClient is meant to be used.
    protected static readonly HttpClient Http = new();

    protected FakeBotApiServer Server { get; private set; } = null!;

    protected TelegramBotClient Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await FakeBotApiServer.StartAsync();
        Bot = new TelegramBotClient(new TelegramBotClientOptions(Server.Token, Server.BaseUrl) { RetryThreshold = 0 }, Http);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
    }
}
