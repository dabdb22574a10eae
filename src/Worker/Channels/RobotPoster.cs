using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Channels;

/// <summary>
/// Posts one JSON body to a robot's webhook and reads the answer; what the answer's code means is each app's client's
/// business (<c>classify</c>). Network errors, timeouts and 5xx are transient; a 429 defers a minute. Logs one line
/// for anything but success, naming the robot; no URL, key, token or secret reaches a log line or a result.
/// </summary>
internal sealed partial class RobotPoster(HttpClient http, TimeProvider time, ILogger<RobotPoster> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public TimeProvider Time => time;

    public async Task<ChannelResult> PostAsync(RobotEndpoint robot, string url, JsonObject body, Func<RobotAnswer, ChannelResult> classify, CancellationToken cancellationToken)
    {
        var result = Clean(robot, await TryPostAsync(url, body, classify, cancellationToken));
        switch (result.Outcome)
        {
            case ChannelOutcome.Failed:
                LogFailed(robot.Name, robot.Kind, result.Reason);
                break;
            case ChannelOutcome.Deferred:
                LogDeferred(robot.Name, robot.Kind, result.RetryAt, result.Reason);
                break;
            case ChannelOutcome.Transient:
                LogTransient(robot.Name, robot.Kind, result.Reason);
                break;
        }
        return result;
    }

    private async Task<ChannelResult> TryPostAsync(string url, JsonObject body, Func<RobotAnswer, ChannelResult> classify, CancellationToken cancellationToken)
    {
        // Wall-clock timeout, not the schedule clock: a test's fake clock must not cancel a request on the wire.
        using var timeout = new CancellationTokenSource(Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var content = new StringContent(body.ToJsonString(RobotJson.Options), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri(url), content, linked.Token);
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                return ChannelResult.Transient($"HTTP {status}");
            }
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return ChannelResult.Deferred(time.GetUtcNow().AddMinutes(1), "HTTP 429");
            }
            var text = await response.Content.ReadAsStringAsync(linked.Token);
            return Read(status, text) is { } answer
                ? classify(answer)
                : status >= 400 ? ChannelResult.Failed($"HTTP {status}") : ChannelResult.Transient($"HTTP {status} with an answer that is not a robot's JSON");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The message may or may not have arrived; a retry may repeat it once.
            return ChannelResult.Transient(ex is OperationCanceledException ? "timed out" : $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static RobotAnswer? Read(int status, string text)
    {
        try
        {
            if (JsonNode.Parse(text) is not JsonObject json)
            {
                return null;
            }
            var code = json["errcode"] ?? json["code"] ?? json["StatusCode"];
            var message = json["errmsg"] ?? json["msg"] ?? json["StatusMessage"];
            return code is JsonValue value && value.TryGetValue<long>(out var number)
                ? new RobotAnswer(status, number, message is JsonValue m && m.TryGetValue<string>(out var s) ? s : "")
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ChannelResult Clean(RobotEndpoint robot, ChannelResult result) =>
        result.Reason is { } reason ? result with { Reason = robot.Redact(reason) } : result;

    [LoggerMessage(Level = LogLevel.Error, Message = "Robot {Robot} ({Kind}) refused the post, which will not be retried: {Reason}")]
    private partial void LogFailed(string robot, RobotKind kind, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Robot {Robot} ({Kind}) is rate-limited until {RetryAt:O}: {Reason}")]
    private partial void LogDeferred(string robot, RobotKind kind, DateTimeOffset? retryAt, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Robot {Robot} ({Kind}) could not be reached; will retry: {Reason}")]
    private partial void LogTransient(string robot, RobotKind kind, string? reason);
}
