namespace Bot.Worker.Scam;

/// <summary>
/// A known number kept in the database (<c>known_numbers</c>): confirmed from a report, added in the console, or suspended in a batch.
/// Type is the kind of number or account (mobile, qq, ...), Category fraud or official.
/// </summary>
internal sealed record KnownNumberEntry
{
    public long Id { get; init; }
    public string Type { get; init; } = "";
    public string Value { get; init; } = "";
    public string Category { get; init; } = KnownNumberStore.Fraud;
    public string Note { get; init; } = "";
    public long AddedBy { get; init; }
    public long AddedAt { get; init; }
    public long? ReportId { get; init; }
    public long? BatchId { get; init; }

    public KnownNumber ToKnownNumber() => new(
        Enum.Parse<EntityKind>(Type, ignoreCase: true), Value,
        Category == KnownNumberStore.Official ? KnownNumberKind.Official : KnownNumberKind.Fraud, Note,
        DateOnly.FromDateTime(Storage.UnixTime.FromMs(AddedAt).UtcDateTime));
}
