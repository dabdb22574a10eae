using Bot.Worker.Audit;
using Bot.Worker.Deadlines;

namespace Bot.Worker.Commands.Team;

/// <summary>/invite TEAM: a one-time code, valid 7 days, that lets someone /join the team.</summary>
internal sealed class InviteCommand(DeadlineConfigSource config, TeamStore teams, AuditStore audit) : ICommandHandler
{
    public string Name => "invite";

    public CommandAccess Access => CommandAccess.Admin;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Arguments.Count == 0)
        {
            throw new UsageException(UsageProblem.MissingArguments);
        }
        var team = config.Current.Team(context.Arguments[0]) ?? throw new UsageException(UsageProblem.BadArguments, context.Arguments[0]);
        var (code, expires) = await teams.CreateInviteAsync(team.Id, context.User.Id, cancellationToken);
        await audit.WriteAsync(context.User.Id, "/invite", team.Id, allowed: true, cancellationToken);
        await context.ReplyAsync("team-ack", new { Action = "invite_created", Team = team.Name, Code = code, Expires = DeadlineView.Local(expires, context.Recipient) }, ct: cancellationToken);
    }
}
