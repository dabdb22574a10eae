namespace Bot.Worker.Deadlines;

/// <summary>A member's request for more time on an occurrence.</summary>
internal sealed record ExtensionRequest
{
    public long Id { get; init; }
    public long OccurrenceId { get; init; }
    public long UserId { get; init; }
    public long ExtensionMs { get; init; }
    public string State { get; init; } = "pending";
}
