namespace Bot.Worker.Delivery;

/// <summary>A pending outbox row as the dispatcher reads it; once claimed, with the term it was claimed under.</summary>
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

    /// <summary>Sent with Telegram's paid broadcast, in the paid lane of the send gate.</summary>
    public bool Paid { get; init; }

    /// <summary>The term of leadership that claimed the row (0 before it is claimed); every result write carries it.</summary>
    public long Term { get; init; }
}
