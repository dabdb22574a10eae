using Bot.Worker.Batches;

namespace Bot.Worker.Commands.Batches;

/// <summary>The message after Not suspended or Reopened: the item is set with it as the reason, and the next items follow.</summary>
internal sealed class BatchReasons(BatchReasonPrompts prompts, BatchView view)
{
    /// <summary>True when a prompt was waiting and the text answered it.</summary>
    public async Task<bool> TryAnswerAsync(CommandContext context, string text, CancellationToken ct)
    {
        if (await prompts.AnswerAsync(context.ChatId, context.User.Id, context.IsAdmin, text, ct) is not { } result)
        {
            return false;
        }
        if (result.Batch is { } batch && result.Outcome is BatchSetOutcome.Set or BatchSetOutcome.Unchanged)
        {
            await view.ReplyAsync(context, batch, result.Item, ct);
        }
        else
        {
            await context.ReplyAsync("error", ct: ct);
        }
        return true;
    }
}
