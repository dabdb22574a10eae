using Bot.Worker.Chats;

namespace Bot.Worker.Commands.Public;

/// <summary>/quiet HH:MM-HH:MM [zone] | /quiet off: no tips or campaign messages in that local window.</summary>
internal sealed class QuietCommand(ChatStore chats) : ICommandHandler
{
    public string Name => "quiet";

    public CommandAccess Access => CommandAccess.Anyone;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        if (args.Count == 0)
        {
            throw new UsageException(UsageProblem.MissingArguments);
        }
        if (args.Count == 1 && string.Equals(args[0], "off", StringComparison.OrdinalIgnoreCase))
        {
            await chats.SetQuietHoursAsync(context.ChatId, null, null, null, cancellationToken);
            await context.ReplyAsync("quiet-set", new { Enabled = false, Start = "", Until = "", Zone = "" }, ct: cancellationToken);
            return;
        }
        var window = QuietWindow.Parse(args[0]) ?? throw new UsageException(UsageProblem.BadArguments, args[0]);
        var zone = args.Count > 1 ? args[1] : context.Chat.QuietZone ?? context.Recipient.TimeZone.Id;
        if (args.Count > 2 || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            throw new UsageException(UsageProblem.BadArguments, args.Count > 2 ? args[2] : zone);
        }
        await chats.SetQuietHoursAsync(context.ChatId, window.Start, window.End, zone, cancellationToken);
        await context.ReplyAsync("quiet-set", new
        {
            Enabled = true,
            Start = QuietWindow.Format(window.Start),
            Until = QuietWindow.Format(window.End),
            Zone = zone,
        }, ct: cancellationToken);
    }
}
