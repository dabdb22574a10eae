using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.FakeRobots;

// WeCom, DingTalk and Feishu group robots on one loopback port, answering as the apps do: the key or token checked,
// the signature and its one-hour window (DingTalk, Feishu), the per-minute limits (WeCom 20; DingTalk 20 then a
// 10-minute block; Feishu 100 and 5 a second), the real JSON shapes and error codes. Tests add robots (Add*), read
// what arrived (Posts) and inject failures (FailNext, AnswerNext). The time provider drives the windows and the
// signature check. Thread-safe.
public sealed class FakeRobotServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Dictionary<(FakeRobotKind, string), FakeRobot> _robots = [];
    private readonly List<ReceivedPost> _posts = [];
    private readonly Queue<RobotAnswer> _faults = new();

    private FakeRobotServer(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
        _app.Run(HandleAsync);
    }

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<ReceivedPost> Posts
    {
        get
        {
            lock (_lock)
            {
                return [.. _posts];
            }
        }
    }

    public static async Task<FakeRobotServer> StartAsync(TimeProvider? time = null, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Listen(IPAddress.Loopback, 0);
        });
        var server = new FakeRobotServer(builder.Build(), time ?? TimeProvider.System);
        try
        {
            await server._app.StartAsync(ct);
        }
        catch
        {
            await server._app.DisposeAsync();
            throw;
        }
        var addresses = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        server.BaseUrl = addresses.Addresses.First().TrimEnd('/');
        return server;
    }

    /// <summary>A WeCom robot; returns its webhook URL (…/cgi-bin/webhook/send?key=KEY).</summary>
    public string AddWeCom(string key) => Add(FakeRobotKind.WeCom, key, null, $"{BaseUrl}/cgi-bin/webhook/send?key={key}");

    /// <summary>A DingTalk robot, signed when <paramref name="secret"/> is given; returns its webhook URL (…/robot/send?access_token=TOKEN).</summary>
    public string AddDingTalk(string accessToken, string? secret = null) => Add(FakeRobotKind.DingTalk, accessToken, secret, $"{BaseUrl}/robot/send?access_token={accessToken}");

    /// <summary>A Feishu robot, signed when <paramref name="secret"/> is given; returns its webhook URL (…/open-apis/bot/v2/hook/TOKEN).</summary>
    public string AddFeishu(string token, string? secret = null) => Add(FakeRobotKind.Feishu, token, secret, $"{BaseUrl}/open-apis/bot/v2/hook/{token}");

    public IReadOnlyList<ReceivedPost> Accepted(FakeRobotKind kind) => [.. Posts.Where(p => p.Kind == kind && p.Accepted)];

    /// <summary>The most accepted posts to one robot that fall in any <paramref name="window"/> (by the server's clock).</summary>
    public int MostAcceptedInAnyWindow(FakeRobotKind kind, TimeSpan window)
    {
        var times = Accepted(kind).Select(p => p.At).Order().ToList();
        var most = 0;
        for (int start = 0, end = 0; end < times.Count; end++)
        {
            while (times[end] - times[start] >= window)
            {
                start++;
            }
            most = Math.Max(most, end - start + 1);
        }
        return most;
    }

    /// <summary>The next <paramref name="count"/> requests, to any robot, get HTTP <paramref name="status"/> (a 5xx from a proxy).</summary>
    public void FailNext(int status, int count = 1) => Enqueue(RobotAnswer.Http(status), count);

    /// <summary>The next <paramref name="count"/> requests get HTTP 200 with the app's JSON error <paramref name="code"/>.</summary>
    public void AnswerNext(FakeRobotKind kind, long code, string message, int count = 1) => Enqueue(RobotAnswer.Of(kind, code, message), count);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private string Add(FakeRobotKind kind, string token, string? secret, string url)
    {
        lock (_lock)
        {
            _robots[(kind, token)] = new FakeRobot(kind, token, secret);
        }
        return url;
    }

    private void Enqueue(RobotAnswer answer, int count)
    {
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                _faults.Enqueue(answer);
            }
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        (FakeRobotKind Kind, string Token)? route = path switch
        {
            "/cgi-bin/webhook/send" => (FakeRobotKind.WeCom, request.Query["key"].ToString()),
            "/robot/send" => (FakeRobotKind.DingTalk, request.Query["access_token"].ToString()),
            _ when path.StartsWith("/open-apis/bot/v2/hook/", StringComparison.Ordinal) => (FakeRobotKind.Feishu, path["/open-apis/bot/v2/hook/".Length..]),
            _ => null,
        };
        if (route is not { } r || !HttpMethods.IsPost(request.Method))
        {
            context.Response.StatusCode = 404;
            return;
        }
        var text = await new StreamReader(request.Body).ReadToEndAsync(context.RequestAborted);
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            body = null;
        }
        RobotAnswer answer;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            answer = _faults.TryDequeue(out var fault) ? fault : RobotRules.Decide(_robots.GetValueOrDefault(r), r.Kind, request.Query, body, now);
            _posts.Add(new ReceivedPost(r.Kind, r.Token, path + request.QueryString, body, answer.Status, answer.Code, answer.Message, now));
        }
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.Status == 200 ? "application/json; charset=utf-8" : "text/html";
        await context.Response.WriteAsync(answer.Body, context.RequestAborted);
    }
}
