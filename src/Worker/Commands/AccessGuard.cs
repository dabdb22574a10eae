using Bot.Worker.Deadlines;
using Bot.Worker.Audit;

namespace Bot.Worker.Commands;

/// <summary>
/// Checks who may use a command: admin commands need an admin (a refusal is audited), team commands a
/// member of any team. Everyone refused gets a polite reply.
/// </summary>
internal sealed class AccessGuard(AuditStore audit, TeamStore membership)
{
    public async Task<bool> AllowAsync(ICommandHandler handler, CommandContext context, string text, CancellationToken ct)
    {
        switch (handler.Access)
        {
            case CommandAccess.Admin when !context.IsAdmin:
                await audit.WriteAsync(context.User.Id, "/" + handler.Name, text, allowed: false, ct);
                await context.ReplyAsync("not-allowed", new { Command = "/" + handler.Name, Required = "admin" }, ct: ct);
                return false;
            case CommandAccess.TeamMember when !context.IsAdmin && !await membership.IsMemberAsync(context.User.Id, ct):
                await context.ReplyAsync("not-allowed", new { Command = "/" + handler.Name, Required = "member" }, ct: ct);
                return false;
            default:
                return true;
        }
    }
}
