using System.Globalization;
using Bot.Worker.Deadlines;

namespace Bot.Worker.Commands.Team;

/// <summary>
/// The occurrence a team command means: "monthly-work-report" is the open occurrence of that deadline
/// due soonest in the user's teams; "17" (or "#17") is occurrence 17. Admins reach every team.
/// </summary>
internal sealed class OccurrenceResolver(OccurrenceStore store, TeamStore teams)
{
    public async Task<Occurrence?> ResolveAsync(string id, long userId, bool isAdmin, CancellationToken ct)
    {
        var mine = await teams.TeamsOfAsync(userId, ct);
        if (long.TryParse(id.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            var occurrence = await store.FindAsync(number, ct);
            return occurrence is not null && (isAdmin || mine.Contains(occurrence.TeamId)) ? occurrence : null;
        }
        var open = await store.ListAsync("deadline_id = @id AND state = 'open' ORDER BY due_at", new { id }, ct);
        return open.FirstOrDefault(o => isAdmin || mine.Contains(o.TeamId));
    }

    public Task<Occurrence> RequireAsync(CommandContext context, CancellationToken ct) => RequireAsync(context, 0, ct);

    public async Task<Occurrence> RequireAsync(CommandContext context, int index, CancellationToken ct)
    {
        if (context.Arguments.Count <= index)
        {
            throw new UsageException(UsageProblem.MissingArguments);
        }
        return await ResolveAsync(context.Arguments[index], context.User.Id, context.IsAdmin, ct)
            ?? throw new UsageException(UsageProblem.BadArguments, context.Arguments[index]);
    }
}
