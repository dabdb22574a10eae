namespace Bot.Worker.Commands.Public;

/// <summary>/stop: opt out of everything at once.</summary>
internal sealed class StopCommand(UnsubscribeCommand unsubscribe) : ICommandHandler
{
    public string Name => "stop";

    public CommandAccess Access => CommandAccess.Anyone;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        unsubscribe.OptOutAsync(context, null, "/stop", cancellationToken);
}
