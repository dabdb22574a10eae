namespace Bot.Worker.Commands;

/// <summary>Names of the teams a user belongs to (shown by /mydata).</summary>
internal interface ITeamDirectory
{
    Task<IReadOnlyList<string>> TeamNamesAsync(long userId, CancellationToken cancellationToken);
}
