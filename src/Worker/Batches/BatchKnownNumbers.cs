using Bot.Worker.Scam;

namespace Bot.Worker.Batches;

/// <summary>
/// Known numbers from batches: a suspended item is a known fraud number whose source is its batch (the batch's title is
/// what /check shows); reopened or not suspended takes the batch's entry off again, unless another batch still has the
/// number suspended (then that batch becomes the source). Runs inside the caller's unit of work.
/// </summary>
internal sealed class BatchKnownNumbers(KnownNumberStore known, BatchStore store)
{
    public Task SuspendedAsync(Batch batch, string kind, string number, long by, CancellationToken ct) =>
        known.AddFromBatchAsync(BatchNumbers.Entity(kind, number), batch.Title, by, batch.Id, ct);

    public async Task NoLongerSuspendedAsync(Batch batch, string kind, string number, long by, CancellationToken ct)
    {
        var entity = BatchNumbers.Entity(kind, number);
        if (await known.RemoveOfBatchAsync(entity, batch.Id, ct) && await store.OtherSuspendedAsync(number, batch.Id, ct) is { } other
            && await store.FindAsync(other.BatchId, ct) is { } otherBatch)
        {
            await known.AddFromBatchAsync(entity, otherBatch.Title, by, otherBatch.Id, ct);
        }
    }
}
