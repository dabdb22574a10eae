using System.Globalization;
using Bot.Worker.Deadlines;

namespace Bot.Worker.Commands.Team;

/// <summary>
/// The occurrence a team command means: "monthly-work-report" is the open occurrence of that deadline
/// due soonest in the user's teams; "17" (or "#17") is occurrence 17. Admins reach every team.
/// </summary>
internal sealed class OccurrenceResolver(OccurrenceStore store, OccurrenceAccess access)
{
    public async Task<Occurrence?> ResolveAsync(string id, long userId, bool isAdmin, CancellationToken ct)
    {
        if (long.TryParse(id.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            var occurrence = await store.FindAsync(number, ct);
            return occurrence is not null && await access.MayActAsync(occurrence, userId, isAdmin, ct) ? occurrence : null;
        }
        foreach (var open in await store.ListOpenOfDeadlineAsync(id, null, ct))
        {
            if (await access.MayActAsync(open, userId, isAdmin, ct))
            {
                return open;
            }
        }
        return null;
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
