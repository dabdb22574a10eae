using Bot.Worker.Awareness;

namespace Bot.Worker.Commands.Public;

/// <summary>/forget: delete this chat's data, keeping only a record that it opted out.</summary>
internal sealed class ForgetCommand(ForgetService forget) : ICommandHandler
{
    public string Name => "forget";

    public CommandAccess Access => CommandAccess.Anyone;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await forget.ForgetAsync(context.ChatId, cancellationToken);
        await context.ReplyAsync("forgotten", ct: cancellationToken);
    }
}
