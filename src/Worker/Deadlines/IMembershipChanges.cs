namespace Bot.Worker.Deadlines;

/// <summary>Told when users joined or left a team (an invite, or a reload of deadlines.yaml), so their chat's "/" menu can follow.</summary>
internal interface IMembershipChanges
{
    Task MembersChangedAsync(IReadOnlyCollection<long> userIds, CancellationToken cancellationToken);
}
