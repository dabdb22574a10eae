namespace Bot.Worker.Storage;

/// <summary>Asks the database the cheapest question there is, for readiness checks.</summary>
internal sealed class PingStore(IDatabase database)
{
    /// <summary>Completes when the database answers; throws what the provider threw when it does not.</summary>
    public Task PingAsync(CancellationToken ct) => database.ScalarAsync<int>("SELECT 1", null, ct);
}
