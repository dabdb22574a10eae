using Bot.Worker.Deadlines;
namespace Bot.Worker.Commands.Public;

/// <summary>/help: only the commands this user may use.</summary>
internal sealed class HelpCommand(Lazy<CommandCatalog> catalog, TeamStore membership) : ICommandHandler
{
    public string Name => "help";

    public CommandAccess Access => CommandAccess.Anyone;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var isMember = await membership.IsMemberAsync(context.User.Id, cancellationToken);
        var commands = catalog.Value.Visible(context.IsAdmin, isMember).Select(h => catalog.Value.HelpEntry(h, context.Language)).ToList();
        await context.ReplyAsync("help", new { Commands = commands, context.IsAdmin, IsMember = isMember }, ct: cancellationToken);
    }
}
