namespace Bot.Worker.Delivery;

/// <summary>A pending outbox row as the dispatcher reads it.</summary>
internal sealed record OutboxRow
{
    public long Id { get; init; }
    public string IdemKey { get; init; } = "";
    public long ChatId { get; init; }
    public int Priority { get; init; }
    public string Text { get; init; } = "";
    public string? Buttons { get; init; }
    public int Attempts { get; init; }
    public long? ExpiresAt { get; init; }
    public bool PlainText { get; init; }
}
