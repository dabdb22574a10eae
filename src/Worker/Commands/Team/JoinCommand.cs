using Bot.Worker.Deadlines;

namespace Bot.Worker.Commands.Team;

/// <summary>/join CODE: joins the team the invite code was made for (once); the chat's menu gets the team commands at once.</summary>
internal sealed class JoinCommand(TeamStore teams, DeadlineConfigSource config, CommandMenus menus) : ICommandHandler
{
    public string Name => "join";

    public CommandAccess Access => CommandAccess.Anyone;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Arguments.Count != 1)
        {
            throw new UsageException(context.Arguments.Count == 0 ? UsageProblem.MissingArguments : UsageProblem.BadArguments);
        }
        var joined = await teams.JoinAsync(context.Arguments[0], context.User.Id, cancellationToken);
        var name = joined is { } j ? config.Current.Team(j.TeamId)?.Name ?? j.TeamId : "";
        var action = joined switch
        {
            null => "invalid_code",
            { AlreadyMember: true } => "already_member",
            _ => "joined",
        };
        await context.ReplyAsync("team-ack", new { Action = action, Team = name, Code = "", Expires = "" }, ct: cancellationToken);
        if (joined is { AlreadyMember: false })
        {
            await menus.MembersChangedAsync([context.User.Id], cancellationToken);
        }
    }
}
