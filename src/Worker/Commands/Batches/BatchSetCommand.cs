using Bot.Worker.Batches;

namespace Bot.Worker.Commands.Batches;

/// <summary>/batch_set ID NUMBER STATE [REASON]: sets one item (STATE: suspended, not_suspended, reopened, or the words in any language).</summary>
internal sealed class BatchSetCommand(BatchStore store, BatchWork work, BatchWords words) : ICommandHandler
{
    public string Name => "batch_set";

    public CommandAccess Access => CommandAccess.TeamMember;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Arguments.Count < 3)
        {
            throw new UsageException(UsageProblem.MissingArguments);
        }
        var batch = await BatchCommand.RequireAsync(context, store, work, cancellationToken);
        var state = words.StateOf(context.Arguments[2]) is { } s && BatchItemState.Settable.Contains(s)
            ? s
            : throw new UsageException(UsageProblem.BadArguments, context.Arguments[2]);
        var reason = string.Join(' ', context.Arguments.Skip(3));
        var result = await work.SetByNumberAsync(context.User.Id, context.IsAdmin, batch.Id, context.Arguments[1], state, reason, cancellationToken);
        var progress = await store.ProgressAsync(batch.Id, cancellationToken);
        await context.ReplyAsync("batch-ack", new
        {
            Action = result.Outcome switch
            {
                BatchSetOutcome.Set => "set",
                BatchSetOutcome.Unchanged => "unchanged",
                BatchSetOutcome.ReasonNeeded => "reason_needed",
                BatchSetOutcome.NotAllowed => "not_allowed",
                _ => "not_found",
            },
            Batch = BatchView.Model(batch, context),
            Number = result.Item is { } item ? BatchNumbers.Display(item.Kind, item.Number) : context.Arguments[1],
            State = words.State(context.Language, state),
            Reason = result.Item?.Reason ?? "",
            Minutes = (int)BatchReasonPrompts.AwaitFor.TotalMinutes,
            Progress = BatchView.Progress(progress),
        }, ct: cancellationToken);
    }
}
