using Bot.FakeRobots;
using Bot.Worker.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Integration.Channels;

/// <summary>The fake robot server and the real robot clients on one fake clock, with every log line and result kept for the secret check.</summary>
internal sealed class RobotTestBed : IAsyncDisposable
{
    private readonly List<ChannelResult> _results = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private RobotTestBed(FakeRobotServer server, FakeTimeProvider clock)
    {
        Server = server;
        Clock = clock;
        Poster = new RobotPoster(_http, clock, Log);
    }

    public FakeRobotServer Server { get; }

    public FakeTimeProvider Clock { get; }

    public CapturedLog<RobotPoster> Log { get; } = new();

    public RobotPoster Poster { get; }

    public List<string> Secrets { get; } = [];

    public IReadOnlyList<ChannelResult> Results => _results;

    public static async Task<RobotTestBed> StartAsync()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        return new RobotTestBed(await FakeRobotServer.StartAsync(clock), clock);
    }

    public IRobotClient Client(RobotKind kind) => kind switch
    {
        RobotKind.WeCom => new WeComRobotClient(Poster),
        RobotKind.DingTalk => new DingTalkRobotClient(Poster),
        _ => new FeishuRobotClient(Poster),
    };

    /// <summary>A robot of the fake server under a fresh token (and secret, for the apps that sign).</summary>
    public RobotEndpoint Robot(RobotKind kind, bool signed = true, string name = "netsec")
    {
        var token = "tok" + Guid.NewGuid().ToString("N");
        var secret = signed && kind != RobotKind.WeCom ? "SEC" + Guid.NewGuid().ToString("N") : "";
        var url = kind switch
        {
            RobotKind.WeCom => Server.AddWeCom(token),
            RobotKind.DingTalk => Server.AddDingTalk(token, secret.Length > 0 ? secret : null),
            _ => Server.AddFeishu(token, secret.Length > 0 ? secret : null),
        };
        Secrets.AddRange([token, secret]);
        return new RobotEndpoint(name, kind, url, secret);
    }

    /// <summary>Sends one rendered message as the outbox will: through the robot's channel (converter, limiter, client).</summary>
    public async Task<ChannelResult> SendAsync(RobotChannel channel, string telegramHtml) => Keep(await channel.SendAsync(telegramHtml, 0, CancellationToken.None));

    /// <summary>Posts straight through the client, past the limiter (to make the fake answer its rate errors).</summary>
    public async Task<ChannelResult> PostAsync(RobotEndpoint robot, string telegramHtml)
    {
        var client = Client(robot.Kind);
        return Keep(await client.PostAsync(robot, client.Bodies(telegramHtml)[0], CancellationToken.None));
    }

    public RobotChannel Channel(RobotEndpoint robot, int? perMinute = null) =>
        new(robot, Client(robot.Kind), ChannelLimiter.ForRobot(new RobotOptions { Kind = robot.Kind, PerMinute = perMinute }, Clock));

    /// <summary>No key, token or secret in any log line or result of this test.</summary>
    public void AssertNoSecretLeaked()
    {
        var texts = Log.Lines.Concat(_results.Select(r => r.ToString())).ToList();
        foreach (var secret in Secrets.Where(s => s.Length > 0))
        {
            Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.Ordinal));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }

    private ChannelResult Keep(ChannelResult result)
    {
        _results.Add(result);
        return result;
    }
}
