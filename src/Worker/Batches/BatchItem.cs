namespace Bot.Worker.Batches;

/// <summary>One number of a batch (<c>batch_items</c>) with its attribution, state, reason, and who set it when.</summary>
internal sealed record BatchItem
{
    public long Id { get; init; }
    public long BatchId { get; init; }
    public long Line { get; init; }
    public string Number { get; init; } = "";
    public string Kind { get; init; } = BatchItemKind.Phone;
    public string ReportedRegion { get; init; } = "";
    public string Province { get; init; } = "";
    public string City { get; init; } = "";
    public bool Mismatch { get; init; }
    public string Note { get; init; } = "";
    public string State { get; init; } = BatchItemState.Pending;
    public string Reason { get; init; } = "";
    public long? SetBy { get; init; }
    public long? SetAt { get; init; }

    /// <summary>The number's own attribution as the export shows it ("广东省深圳市", "北京市"; empty when unknown).</summary>
    public string Attribution => Province + City;
}
