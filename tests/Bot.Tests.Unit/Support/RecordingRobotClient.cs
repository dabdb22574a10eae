using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Bot.Worker.Channels;

namespace Bot.Tests.Unit.Support;

/// <summary>A WeCom robot client that converts as the real one does and records each post instead of sending it (answers scripted).</summary>
internal sealed class RecordingRobotClient : IRobotClient
{
    private readonly ConcurrentQueue<ChannelResult> _script = new();

    public RobotKind Kind => RobotKind.WeCom;

    public ConcurrentQueue<string> Posts { get; } = new();

    /// <summary>The next post gets <paramref name="result"/> instead of being accepted.</summary>
    public void Script(ChannelResult result) => _script.Enqueue(result);

    public IReadOnlyList<JsonObject> Bodies(string telegramHtml) => [.. WeComMarkdown.Convert(telegramHtml).Select(WeComRobotClient.Body)];

    public Task<ChannelResult> PostAsync(RobotEndpoint robot, JsonObject body, CancellationToken cancellationToken)
    {
        if (_script.TryDequeue(out var scripted))
        {
            return Task.FromResult(scripted);
        }
        Posts.Enqueue((string?)body["markdown"]?["content"] ?? "");
        return Task.FromResult(ChannelResult.Sent());
    }
}
