using Bot.Worker.Batches;
using Bot.Worker.Transport;

namespace Bot.Worker.Commands.Batches;

/// <summary>
/// The item buttons under /batch (<see cref="BatchCallbacks"/>): Suspended sets the item at once; Not suspended and Reopened
/// ask for the reason in the next message. Either way the buttons go, and the next view (or the question) follows.
/// </summary>
internal sealed class BatchButtons(BatchWork work, BatchReasonPrompts prompts, BatchView view, BatchWords words, IBotTransport transport) : ICallbackHandler
{
    public string Prefix => BatchCallbacks.Prefix;

    public async Task<string?> HandleAsync(CommandContext context, string argument, CancellationToken cancellationToken)
    {
        if (!CallbackData.TryParse(Prefix, argument, out var data) || BatchCallbacks.StateOf(data.Verb) is not { } state)
        {
            return null;
        }
        var result = BatchItemState.NeedsReason(state)
            ? await prompts.AskAsync(context.ChatId, context.User.Id, context.IsAdmin, data.Id, state, cancellationToken)
            : await work.SetAsync(context.User.Id, context.IsAdmin, data.Id, state, "", cancellationToken);
        if (result.Outcome is BatchSetOutcome.NotFound or BatchSetOutcome.NotAllowed)
        {
            return view.Toast(result, context.Language);
        }
        if (context.Update is IncomingCallback callback)
        {
            await transport.EditButtonsAsync(context.ChatId, callback.MessageId, null, cancellationToken);
        }
        if (result.Outcome == BatchSetOutcome.ReasonNeeded)
        {
            await context.ReplyAsync("batch-ack", new
            {
                Action = "ask_reason",
                Batch = BatchView.Model(result.Batch!, context),
                Number = BatchNumbers.Display(result.Item!.Kind, result.Item.Number),
                State = words.State(context.Language, state),
                Reason = "",
                Minutes = (int)BatchReasonPrompts.AwaitFor.TotalMinutes,
                Progress = BatchView.Progress(new BatchProgress(0, 0, 0, 0, 0, 0)),
            }, ct: cancellationToken);
        }
        else
        {
            await view.ReplyAsync(context, result.Batch!, result.Item, cancellationToken);
        }
        return view.Toast(result, context.Language);
    }
}
