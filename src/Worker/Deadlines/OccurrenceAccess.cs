namespace Bot.Worker.Deadlines;

/// <summary>The one rule for who may act on an occurrence: a member of its team, or an admin.</summary>
internal sealed class OccurrenceAccess(TeamStore teams)
{
    public async Task<bool> MayActAsync(Occurrence occurrence, long userId, bool isAdmin, CancellationToken ct) =>
        isAdmin || (await teams.TeamsOfAsync(userId, ct)).Contains(occurrence.TeamId);
}
