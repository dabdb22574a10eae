namespace Bot.Worker.Awareness;

/// <summary>A campaign run or an alert: a template sent to every subscriber of a topic.</summary>
internal sealed record Broadcast
{
    public long Id { get; init; }
    public string RunKey { get; init; } = "";
    public string Kind { get; init; } = BroadcastKind.Campaign;
    public string? CampaignId { get; init; }
    public string Topic { get; init; } = "";
    public string Template { get; init; } = "";

    /// <summary>An alert's own text (as the admin typed it), rendered escaped inside <see cref="Template"/>; null otherwise.</summary>
    public string? Text { get; init; }
    public string? Rotate { get; init; }
    public string State { get; init; } = BroadcastState.Approved;
    public long? ProposedBy { get; init; }
    public long? DecidedBy { get; init; }
    public long CursorChatId { get; init; } = long.MinValue;
    public int Total { get; init; }
    public long CreatedAt { get; init; }
    public long? EnqueuedAt { get; init; }
}
