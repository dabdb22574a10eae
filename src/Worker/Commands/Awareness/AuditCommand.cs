using System.Globalization;
using Bot.Worker.Audit;
using Bot.Worker.Common;
using Bot.Worker.Storage;

namespace Bot.Worker.Commands.Awareness;

/// <summary>/audit [N]: the last N admin actions and refused attempts (default 20, at most 100).</summary>
internal sealed class AuditCommand(AuditStore audit) : ICommandHandler
{
    public string Name => "audit";

    public CommandAccess Access => CommandAccess.Admin;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var count = 20;
        if (context.Arguments.Count > 0 && (!int.TryParse(context.Arguments[0], NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > 100))
        {
            throw new UsageException(UsageProblem.BadArguments, context.Arguments[0]);
        }
        var entries = await audit.LatestAsync(count, cancellationToken);
        var zone = context.Recipient.TimeZone;
        await context.ReplyAsync("audit-log", new
        {
            Entries = entries.Select(e => new
            {
                At = LocalTime.Text(UnixTime.FromMs(e.At), zone),
                User = e.UserId.ToString(CultureInfo.InvariantCulture),
                e.Action,
                Detail = e.Detail ?? "",
                e.Allowed,
            }),
            Count = entries.Count,
        }, ct: cancellationToken);
    }
}
