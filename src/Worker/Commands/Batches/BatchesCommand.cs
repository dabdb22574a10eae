using Bot.Worker.Batches;
using Bot.Worker.Common;
using Bot.Worker.Deadlines;

namespace Bot.Worker.Commands.Batches;

/// <summary>/batches: my teams' open batches (admins: every team's) with their progress.</summary>
internal sealed class BatchesCommand(BatchStore store, TeamStore teams) : ICommandHandler
{
    public string Name => "batches";

    public CommandAccess Access => CommandAccess.TeamMember;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<string> mine = context.IsAdmin
            ? [.. (await store.ListAsync(cancellationToken)).Select(b => b.TeamId).Distinct()]
            : await teams.TeamsOfAsync(context.User.Id, cancellationToken);
        var batches = mine.Count == 0 ? [] : await store.ListOpenOfTeamsAsync(mine, cancellationToken);
        var items = new List<object>();
        foreach (var batch in batches)
        {
            var p = await store.ProgressAsync(batch.Id, cancellationToken);
            items.Add(new
            {
                batch.Id,
                batch.Title,
                Team = batch.TeamId,
                ActBy = LocalTime.Text(batch.ActByAt, context.Recipient.TimeZone),
                ReportBy = LocalTime.Text(batch.ReportByAt, context.Recipient.TimeZone),
                p.Total,
                p.Handled,
                p.Pending,
                p.Mismatches,
            });
        }
        await context.ReplyAsync("batch-list", new { Batches = items }, ct: cancellationToken);
    }
}
