namespace Bot.Worker.Commands;

/// <summary>Tells whether a user belongs to any team (for team-member commands and /help).</summary>
internal interface IMembershipCheck
{
    Task<bool> IsMemberAsync(long userId, CancellationToken cancellationToken);
}
