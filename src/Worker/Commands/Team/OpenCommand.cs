using Bot.Worker.Audit;
using Bot.Worker.Deadlines;

namespace Bot.Worker.Commands.Team;

/// <summary>/open ID [REF]: opens a window deadline now (REF: a case reference shown in its messages).</summary>
internal sealed class OpenCommand(DeadlineConfigSource config, DeadlineActions actions, DeadlineView view, AuditStore audit) : ICommandHandler
{
    public string Name => "open";

    public CommandAccess Access => CommandAccess.Admin;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Arguments.Count == 0)
        {
            throw new UsageException(UsageProblem.MissingArguments);
        }
        var deadline = config.Current.Deadline(context.Arguments[0]) is { Kind: DeadlineKind.Window } d
            ? d
            : throw new UsageException(UsageProblem.BadArguments, context.Arguments[0]);
        var reference = context.Arguments.Count > 1 ? string.Join(' ', context.Arguments.Skip(1)) : null;
        var occurrence = await actions.OpenWindowAsync(deadline, reference, cancellationToken);
        await audit.WriteAsync(context.User.Id, "/open", $"{deadline.Id} {reference} -> occurrence {occurrence.Id}", allowed: true, cancellationToken);
        await context.ReplyAsync("deadline-ack", new
        {
            Action = "opened",
            Deadline = view.Deadline(occurrence, context.Recipient),
            Until = "",
            Capped = false,
            Extension = "",
            Pending = 0,
        }, ct: cancellationToken);
    }
}
