namespace Bot.Worker.Batches;

/// <summary>
/// Not suspended and Reopened pressed under an item: the chat's next message is the reason (a marker in the database, so
/// any worker sees it; taken by the next non-command text, gone after <see cref="AwaitFor"/>).
/// </summary>
internal sealed class BatchReasonPrompts(BatchStore store, BatchWork work, TimeProvider clock)
{
    public static readonly TimeSpan AwaitFor = TimeSpan.FromMinutes(30);

    /// <summary>Asks for the reason, if this user may set the item; the item and its batch, or a refusal.</summary>
    public async Task<BatchSetResult> AskAsync(long chatId, long userId, bool isAdmin, long itemId, string state, CancellationToken ct)
    {
        var item = await store.FindItemAsync(itemId, ct);
        var batch = item is null ? null : await store.FindAsync(item.BatchId, ct);
        if (item is null || batch is null)
        {
            return new BatchSetResult(BatchSetOutcome.NotFound);
        }
        if (!await work.MayActAsync(batch, userId, isAdmin, ct))
        {
            return new BatchSetResult(BatchSetOutcome.NotAllowed, item, batch);
        }
        await store.AwaitReasonAsync(chatId, userId, itemId, state, ct);
        return new BatchSetResult(BatchSetOutcome.ReasonNeeded, item, batch);
    }

    /// <summary>The chat's next message after a prompt: sets the item with it as the reason. Null when no prompt was waiting.</summary>
    public async Task<BatchSetResult?> AnswerAsync(long chatId, long userId, bool isAdmin, string reason, CancellationToken ct) =>
        await store.TakeReasonPromptAsync(chatId, clock.GetUtcNow() - AwaitFor, ct) is var (itemId, state)
            ? await work.SetAsync(userId, isAdmin, itemId, state, reason, ct)
            : null;
}
