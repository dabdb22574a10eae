namespace Bot.Worker.Statistics;

/// <summary>Outbox rows created in a period, by state (pending includes rows being sent).</summary>
internal sealed record DeliveryCounts(int Pending, int Deferred, int Sent, int Blocked, int Failed, int Expired)
{
    public static DeliveryCounts From(IReadOnlyDictionary<string, int> rows) => new(
        rows.GetValueOrDefault("pending") + rows.GetValueOrDefault("sending"),
        rows.GetValueOrDefault("deferred"),
        rows.GetValueOrDefault("sent"),
        rows.GetValueOrDefault("blocked"),
        rows.GetValueOrDefault("failed"),
        rows.GetValueOrDefault("expired"));
}
