using System.Globalization;
using Bot.FakeRobots;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Bot.Worker.Hosting;

namespace Bot.Tests.Integration.Channels;

/// <summary>
/// The worker in process on either provider, with the fake Bot API, fake WeCom, DingTalk and Feishu robots (each with a
/// fresh key or token and, where the app signs, a secret) and a real SMTP server on loopback, all configured as an admin
/// would (Channels:Robots, Email), the deadlines file in the test's directory, English as the default language.
/// </summary>
internal sealed class ChannelsUnderTest : IAsyncDisposable
{
    public const string WeCom = "netsec-wecom";
    public const string DingTalk = "netsec-dingtalk";
    public const string Feishu = "netsec-feishu";

    private ChannelsUnderTest(FakeBotApiServer telegram, FakeRobotServer robots, LoopbackSmtpServer smtp, string directory)
    {
        (Telegram, Robots, Smtp, Directory) = (telegram, robots, smtp, directory);
    }

    public FakeBotApiServer Telegram { get; }

    public FakeRobotServer Robots { get; }

    public LoopbackSmtpServer Smtp { get; }

    public string Directory { get; }

    public BotUnderTest Bot { get; private set; } = null!;

    /// <summary>Every key, token and secret configured: none may appear in a log line or a recorded error.</summary>
    public List<string> Secrets { get; } = [];

    public Dictionary<string, string> Configuration { get; } = [];

    public static async Task<ChannelsUnderTest> CreateAsync(TimeProvider? clock = null)
    {
        var directory = RepoPaths.NewTempDirectory("bot-channels");
        var bed = new ChannelsUnderTest(await FakeBotApiServer.StartAsync(), await FakeRobotServer.StartAsync(clock), await LoopbackSmtpServer.StartAsync(), directory);
        bed.AddRobot(WeCom, FakeRobotKind.WeCom);
        bed.AddRobot(DingTalk, FakeRobotKind.DingTalk);
        bed.AddRobot(Feishu, FakeRobotKind.Feishu);
        var c = bed.Configuration;
        c["Email:Host"] = "127.0.0.1";
        c["Email:Port"] = bed.Smtp.Port.ToString(CultureInfo.InvariantCulture);
        c["Email:Security"] = "None";
        c["Email:From"] = "Reminder bot <bot@example.cn>";
        c["Email:PerMinute"] = "10000";
        c["Bot:DefaultLanguage"] = "en";
        c["Bot:DeadlinesFile"] = Path.Combine(directory, "deadlines.yaml");
        return bed;
    }

    /// <summary>A robot on the fake server under <paramref name="name"/>; <paramref name="wrongSecret"/> configures a secret the app does not have (DingTalk, Feishu), <paramref name="wrongKey"/> a key it does not know.</summary>
    public void AddRobot(string name, FakeRobotKind kind, bool wrongSecret = false, bool wrongKey = false)
    {
        var token = "tok" + Guid.NewGuid().ToString("N");
        var secret = kind == FakeRobotKind.WeCom ? null : "SEC" + Guid.NewGuid().ToString("N");
        var url = kind switch
        {
            FakeRobotKind.WeCom => Robots.AddWeCom(token),
            FakeRobotKind.DingTalk => Robots.AddDingTalk(token, secret),
            _ => Robots.AddFeishu(token, secret),
        };
        if (wrongKey)
        {
            var other = "tok" + Guid.NewGuid().ToString("N");
            url = url.Replace(token, other, StringComparison.Ordinal);
            Secrets.Add(other);
        }
        var configured = wrongSecret ? "SEC" + Guid.NewGuid().ToString("N") : secret;
        Secrets.AddRange([token, .. new[] { secret, configured }.OfType<string>()]);
        Configuration[$"Channels:Robots:{name}:Kind"] = kind.ToString();
        Configuration[$"Channels:Robots:{name}:Url"] = url;
        if (configured is not null)
        {
            Configuration[$"Channels:Robots:{name}:Secret"] = configured;
        }
    }

    public void WriteDeadlines(string yaml) => File.WriteAllText(Path.Combine(Directory, "deadlines.yaml"), yaml);

    public async Task StartAsync(StorageProvider provider, Action<WorkerHostSettings>? configure = null)
    {
        if (!File.Exists(Path.Combine(Directory, "deadlines.yaml")))
        {
            WriteDeadlines("teams: []\n");
        }
        Bot = await BotUnderTest.StartAsync(provider, Telegram, s =>
        {
            foreach (var (key, value) in Configuration)
            {
                s.Configuration[key] = value;
            }
            configure?.Invoke(s);
        }, Directory);
    }

    /// <summary>No configured secret in any line the worker logged, nor in any error the outbox recorded.</summary>
    public async Task AssertNoSecretLeakedAsync()
    {
        var lines = Bot.Logs.Lines.ToList();
        await using var connection = await Bot.Get<Bot.Worker.Storage.IDatabase>().OpenAsync(CancellationToken.None);
        lines.AddRange(await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT last_error FROM outbox WHERE last_error IS NOT NULL"));
        foreach (var secret in Secrets.SelectMany(s => new[] { s, Uri.EscapeDataString(s) }).Distinct())
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }
        await Smtp.DisposeAsync();
        await Robots.DisposeAsync();
        await Telegram.DisposeAsync();
    }
}
