namespace Bot.Worker.Commands;

/// <summary>Names of the teams a user belongs to (shown by /mydata).</summary>
internal interface ITeamDirectory
{
    Task<IReadOnlyList<string>> TeamNamesAsync(long userId, CancellationToken cancellationToken);

    /// <summary>Every user in any team (their chats get the team commands in the "/" menu).</summary>
    Task<IReadOnlyList<long>> AllMembersAsync(CancellationToken cancellationToken);
}
