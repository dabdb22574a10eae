using Bot.Worker.Awareness;
using Bot.Worker.Templating;
using Bot.Worker.Transport;

namespace Bot.Worker.Commands.Awareness;

/// <summary>Approve/Reject under a broadcast notice (<see cref="BroadcastCallbacks"/>): only admins; the buttons go once decided.</summary>
internal sealed class BroadcastButtons(BroadcastDecider decision, Labels labels, IBotTransport transport) : ICallbackHandler
{
    public string Prefix => BroadcastCallbacks.Prefix;

    public async Task<string?> HandleAsync(CommandContext context, string argument, CancellationToken cancellationToken)
    {
        if (!context.IsAdmin)
        {
            return labels.Get(context.Language, "toast.not_allowed");
        }
        if (!CallbackData.TryParse(Prefix, argument, out var data) || data.Verb is not (BroadcastCallbacks.Approve or BroadcastCallbacks.Reject))
        {
            return null;
        }
        var outcome = await decision.DecideAsync(context, data.Id, data.Verb == BroadcastCallbacks.Approve, cancellationToken);
        if (outcome is BroadcastDecision.Approved or BroadcastDecision.Rejected or BroadcastDecision.AlreadyDecided && context.Update is IncomingCallback callback)
        {
            await transport.EditButtonsAsync(context.ChatId, callback.MessageId, null, cancellationToken);
        }
        return null;
    }
}
