using Bot.Worker.Audit;

namespace Bot.Worker.Commands;

/// <summary>Checks who may use a command; a refused admin command gets a polite reply and an audit entry.</summary>
internal sealed class AccessGuard(AuditLog audit)
{
    public async Task<bool> AllowAsync(ICommandHandler handler, CommandContext context, string text, CancellationToken ct)
    {
        if (handler.Access != CommandAccess.Admin || context.IsAdmin)
        {
            return true;
        }
        await audit.WriteAsync(context.User.Id, "/" + handler.Name, text, allowed: false, ct);
        await context.ReplyAsync("not-allowed", new { Command = "/" + handler.Name, Required = "admin" }, ct: ct);
        return false;
    }
}
