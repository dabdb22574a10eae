using Bot.Worker.Deadlines;

namespace Bot.Worker.Commands.Team;

/// <summary>/snooze ID 30m|2h|1d: remind me again then (at the due time at the latest).</summary>
internal sealed class SnoozeCommand(OccurrenceResolver resolver, DeadlineActions actions, DeadlineView view) : ICommandHandler
{
    public string Name => "snooze";

    public CommandAccess Access => CommandAccess.TeamMember;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Arguments.Count < 2)
        {
            throw new UsageException(UsageProblem.MissingArguments);
        }
        var duration = Durations.Parse(context.Arguments[1]) is { Approximate.TotalMinutes: >= 1 } d
            ? d.Approximate
            : throw new UsageException(UsageProblem.BadArguments, context.Arguments[1]);
        var occurrence = await resolver.RequireAsync(context, cancellationToken);
        var (until, capped) = await actions.SnoozeAsync(occurrence, context.User.Id, duration, cancellationToken);
        await context.ReplyAsync("deadline-ack", new
        {
            Action = "snoozed",
            Deadline = view.Deadline(occurrence, context.Recipient),
            Until = DeadlineView.Local(until, context.Recipient),
            Capped = capped,
            Extension = "",
            Pending = 0,
        }, ct: cancellationToken);
    }
}
