using Bot.Worker.Audit;
using Bot.Worker.Common;
using Bot.Worker.Transport;
using Bot.Worker.WebLogin;

namespace Bot.Worker.Commands.Admin;

/// <summary>
/// /web: a single-use link, valid 10 minutes, that signs this admin in to the web console. Only in a private chat:
/// in a group every member would see the link, and whoever opens it first is signed in as the admin.
/// </summary>
internal sealed class WebCommand(WebLoginService logins, ConsoleAddress address, AuditStore audit) : ICommandHandler
{
    public string Name => "web";

    public CommandAccess Access => CommandAccess.Admin;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!address.Enabled)
        {
            await audit.WriteAsync(context.User.Id, "/web", "refused: Web:Enabled is false", allowed: true, cancellationToken);
            await context.ReplyAsync("web-login", new { Enabled = false, Url = "", Expires = "", Minutes = 0 }, ct: cancellationToken);
            return;
        }
        if (context.Update.ChatKind != ChatKind.Private)
        {
            await audit.WriteAsync(context.User.Id, "/web", "refused: asked in a group chat, no link posted", allowed: true, cancellationToken);
            await context.ReplyAsync("web-login-group", ct: cancellationToken);
            return;
        }
        var link = await logins.IssueAsync(context.User.Id, cancellationToken);
        // The token is a secret: the audit says a link was sent, never the link, and the outbox forgets it once sent.
        await audit.WriteAsync(context.User.Id, "/web", "link sent", allowed: true, cancellationToken);
        await context.ReplySensitiveAsync("web-login", new
        {
            Enabled = true,
            Url = link.Url.AbsoluteUri,
            Expires = LocalTime.Text(link.ExpiresAt, context.Recipient.TimeZone),
            Minutes = (int)WebLoginService.Lifetime.TotalMinutes,
        }, cancellationToken);
    }
}
