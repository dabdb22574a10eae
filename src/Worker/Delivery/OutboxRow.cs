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

    /// <summary>telegram, robot or email (<see cref="DeliveryRoute"/>).</summary>
    public string Channel { get; init; } = DeliveryRoute.Telegram;

    /// <summary>A robot's name or an email address (then a space and the name); null for Telegram.</summary>
    public string? Address { get; init; }

    /// <summary>A robot message split in parts: how many went already (a retry starts after them).</summary>
    public int PartsSent { get; init; }

    public string? DigestTitle { get; init; }

    public string? DigestLine { get; init; }

    /// <summary>Sent with Telegram's paid broadcast, in the paid lane of the send gate.</summary>
    public bool Paid { get; init; }

    /// <summary>The term of leadership that claimed the row (0 before it is claimed); every result write carries it.</summary>
    public long Term { get; init; }

    /// <summary>Rows sent together with this one as a robot's digest (not read from the table: the dispatcher joins them).</summary>
    public IReadOnlyList<OutboxRow> Merged { get; init; } = [];

    public bool IsTelegram => Channel == DeliveryRoute.Telegram;

    public DeliveryRoute Route => new(Channel, ChatId, Address);

    /// <summary>This row and the rows merged into it.</summary>
    public IEnumerable<OutboxRow> All => Merged.Count == 0 ? [this] : [this, .. Merged];
}
