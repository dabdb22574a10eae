using System.Globalization;
using Bot.Worker.Audit;
using Bot.Worker.Deadlines;
using Bot.Worker.Storage;

namespace Bot.Worker.Batches;

/// <summary>
/// Setting items' states, the one use case behind /batch's buttons, /batch_set and the console's batch page: who may
/// (a member of the batch's team, or an admin), a reason where the state needs one, the known numbers, and an audit
/// entry per changed item, in one unit of work.
/// </summary>
internal sealed class BatchWork(IDatabase database, BatchStore store, TeamStore teams, BatchKnownNumbers known, AuditStore audit)
{
    public const string Action = "batch:set";
    public const int MaxReason = BatchRows.MaxField;

    public async Task<bool> MayActAsync(Batch batch, long userId, bool isAdmin, CancellationToken ct) =>
        isAdmin || (await teams.TeamsOfAsync(userId, ct)).Contains(batch.TeamId);

    /// <summary>Sets one item (by its id).</summary>
    public async Task<BatchSetResult> SetAsync(long userId, bool isAdmin, long itemId, string state, string reason, CancellationToken ct)
    {
        var item = await store.FindItemAsync(itemId, ct);
        var batch = item is null ? null : await store.FindAsync(item.BatchId, ct);
        return item is null || batch is null ? new BatchSetResult(BatchSetOutcome.NotFound) : await SetAsync(userId, isAdmin, batch, [item.Id], state, reason, ct);
    }

    /// <summary>Sets one item of a batch by its number as written (a phone number in any spelling, a QQ number, a WeChat id).</summary>
    public async Task<BatchSetResult> SetByNumberAsync(long userId, bool isAdmin, long batchId, string number, string state, string reason, CancellationToken ct)
    {
        var batch = await store.FindAsync(batchId, ct);
        var item = batch is null ? null : await FindByNumberAsync(batchId, number, ct);
        return item is null ? new BatchSetResult(BatchSetOutcome.NotFound) : await SetAsync(userId, isAdmin, batch!, [item.Id], state, reason, ct);
    }

    /// <summary>Sets several items of one batch to one state (the console's bulk set); the result names the last item set.</summary>
    public async Task<BatchSetResult> SetManyAsync(long userId, bool isAdmin, long batchId, IReadOnlyCollection<long> itemIds, string state, string reason, CancellationToken ct) =>
        await store.FindAsync(batchId, ct) is { } batch ? await SetAsync(userId, isAdmin, batch, itemIds, state, reason, ct) : new BatchSetResult(BatchSetOutcome.NotFound);

    private async Task<BatchSetResult> SetAsync(long userId, bool isAdmin, Batch batch, IReadOnlyCollection<long> itemIds, string state, string reason, CancellationToken ct)
    {
        reason = reason.Trim();
        if (!BatchItemState.Settable.Contains(state))
        {
            return new BatchSetResult(BatchSetOutcome.BadState, null, batch);
        }
        if (BatchItemState.NeedsReason(state) && reason.Length == 0)
        {
            return new BatchSetResult(BatchSetOutcome.ReasonNeeded, null, batch);
        }
        if (!await MayActAsync(batch, userId, isAdmin, ct))
        {
            return new BatchSetResult(BatchSetOutcome.NotAllowed, null, batch);
        }
        reason = BatchItemState.NeedsReason(state) ? (reason.Length > MaxReason ? reason[..MaxReason] : reason) : "";
        return await database.InTransactionAsync(async token =>
        {
            var outcome = BatchSetOutcome.NotFound;
            BatchItem? last = null;
            foreach (var id in itemIds)
            {
                var before = await store.FindItemAsync(id, token);
                if (before is null || before.BatchId != batch.Id)
                {
                    continue;
                }
                last = before;
                if (before.State == state && before.Reason == reason)
                {
                    outcome = outcome == BatchSetOutcome.Set ? outcome : BatchSetOutcome.Unchanged;
                    continue;
                }
                await store.SetStateAsync(id, state, reason, userId, token);
                if (state == BatchItemState.Suspended)
                {
                    await known.SuspendedAsync(batch, before.Kind, before.Number, userId, token);
                }
                else if (before.State == BatchItemState.Suspended)
                {
                    await known.NoLongerSuspendedAsync(batch, before.Kind, before.Number, userId, token);
                }
                await audit.WriteAsync(userId, Action, string.Create(CultureInfo.InvariantCulture,
                    $"#{batch.Id} {before.Number}: {before.State} -> {state}{(reason.Length > 0 ? ": " + reason : "")}"), allowed: true, token);
                outcome = BatchSetOutcome.Set;
            }
            return new BatchSetResult(outcome, last is null ? null : await store.FindItemAsync(last.Id, token), batch);
        }, ct);
    }

    private async Task<BatchItem?> FindByNumberAsync(long batchId, string number, CancellationToken ct)
    {
        foreach (var kind in BatchItemKind.All)
        {
            if (BatchNumbers.Read(kind, number) is { } value && await store.FindItemAsync(batchId, value, ct) is { } item)
            {
                return item;
            }
        }
        return null;
    }
}
