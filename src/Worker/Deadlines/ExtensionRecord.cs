namespace Bot.Worker.Deadlines;

/// <summary>An extension request as the evidence shows it: who asked, why, for how long, and the decision.</summary>
internal sealed record ExtensionRecord
{
    public long Id { get; init; }
    public long UserId { get; init; }
    public string Reason { get; init; } = "";
    public long ExtensionMs { get; init; }
    public string State { get; init; } = "pending";
    public long? DecidedBy { get; init; }
    public long? DecidedAt { get; init; }
    public long CreatedAt { get; init; }

    public TimeSpan Extension => TimeSpan.FromMilliseconds(ExtensionMs);
}
