using Bot.Worker.Transport;

namespace Bot.Worker.Commands;

/// <summary>Hands each kind of update to its router.</summary>
internal sealed class UpdateRouter(CommandRouter commands, CallbackRouter callbacks, ChatMemberHandler members)
{
    public Task HandleAsync(IncomingUpdate update, CancellationToken ct) => update switch
    {
        IncomingMessage message => commands.HandleAsync(message, ct),
        IncomingCallback callback => callbacks.HandleAsync(callback, ct),
        ChatMemberChange change => members.HandleAsync(change, ct),
        _ => Task.CompletedTask,
    };
}
