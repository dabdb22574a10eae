namespace Bot.Worker.Commands.Public;

/// <summary>/verify: how to tell this bot from an impersonator.</summary>
internal sealed class VerifyCommand : ICommandHandler
{
    public string Name => "verify";

    public CommandAccess Access => CommandAccess.Anyone;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        context.ReplyAsync("verify", ct: cancellationToken);
}
