using Bot.Worker.Deadlines;
using Bot.Worker.Storage;

namespace Bot.Worker.Commands.Team;

/// <summary>/deadlines: open occurrences of my teams, nearest first. /deadlines closed: those closed in the last 30 days.</summary>
internal sealed class DeadlinesCommand(OccurrenceStore store, TeamStore teams, DeadlineView view, MemberNames names, TimeProvider clock) : ICommandHandler
{
    public string Name => "deadlines";

    public CommandAccess Access => CommandAccess.TeamMember;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var showClosed = context.Arguments.Count > 0 && context.Arguments[0].Equals("closed", StringComparison.OrdinalIgnoreCase);
        if (context.Arguments.Count > 0 && !showClosed)
        {
            throw new UsageException(UsageProblem.BadArguments, context.Arguments[0]);
        }
        var mine = await teams.TeamsOfAsync(context.User.Id, cancellationToken);
        bool Visible(Occurrence o) => context.IsAdmin || mine.Contains(o.TeamId);
        var to = context.Recipient;
        var open = (await store.ListOpenAsync(cancellationToken)).Where(Visible);
        var closed = showClosed
            ? (await store.ListDoneSinceAsync(clock.GetUtcNow() - TimeSpan.FromDays(30), cancellationToken)).Where(Visible).ToList()
            : [];
        var closedItems = new List<object>();
        foreach (var o in closed)
        {
            closedItems.Add(new
            {
                Id = o.DeadlineId,
                Occurrence = o.Id,
                o.Title,
                Team = o.TeamId,
                Due = DeadlineView.Local(o.Due, to),
                ClosedBy = await names.NameAsync(o.ClosedBy ?? 0, cancellationToken),
                ClosedAt = DeadlineView.Local(UnixTime.FromMs(o.ClosedAt ?? 0), to),
            });
        }
        await context.ReplyAsync("deadline-list", new
        {
            Items = open.Select(o => view.Deadline(o, to)).ToList(),
            Closed = closedItems,
            ShowClosed = showClosed,
        }, ct: cancellationToken);
    }
}
