using Bot.Worker.Awareness;
using Bot.Worker.Templating;
using Bot.Worker.Transport;

namespace Bot.Worker.Commands.Awareness;

/// <summary>Approve/Reject under a broadcast notice (data bc:a:ID, bc:r:ID): only admins; the buttons go once decided.</summary>
internal sealed class BroadcastButtons(BroadcastDecider decision, Labels labels, IBotTransport transport) : ICallbackHandler
{
    public string Prefix => "bc";

    public async Task<string?> HandleAsync(CommandContext context, string argument, CancellationToken cancellationToken)
    {
        if (!context.IsAdmin)
        {
            return labels.Get(context.Language, "toast.not_allowed");
        }
        var parts = argument.Split(':');
        if (parts.Length != 2 || parts[0] is not ("a" or "r"))
        {
            return null;
        }
        var outcome = await decision.DecideAsync(context, parts[1], parts[0] == "a", cancellationToken);
        if (outcome is BroadcastDecision.Approved or BroadcastDecision.Rejected or BroadcastDecision.AlreadyDecided && context.Update is IncomingCallback callback)
        {
            await transport.EditButtonsAsync(context.ChatId, callback.MessageId, null, cancellationToken);
        }
        return null;
    }
}
