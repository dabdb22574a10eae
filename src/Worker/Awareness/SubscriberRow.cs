namespace Bot.Worker.Awareness;

/// <summary>A subscriber of a topic as a broadcast batch reads it.</summary>
internal sealed record SubscriberRow
{
    public long ChatId { get; init; }
    public long? UserId { get; init; }
    public string? FirstName { get; init; }
    public string? Username { get; init; }
    public string? Language { get; init; }
    public int? QuietStart { get; init; }
    public int? QuietEnd { get; init; }
    public string? QuietZone { get; init; }
}
