namespace Bot.Worker.Batches;

/// <summary>What setting an item's state came to: <see cref="Outcome"/> and, when found, the item as it is now and its batch.</summary>
internal sealed record BatchSetResult(BatchSetOutcome Outcome, BatchItem? Item = null, Batch? Batch = null);
