namespace Bot.Worker.Awareness;

/// <summary>What approving or rejecting broadcast <see cref="Id"/> came to, with the broadcast (if found) and its audience now.</summary>
internal sealed record DecisionResult(BroadcastDecision Outcome, long Id, Broadcast? Broadcast, int Audience)
{
    public bool Decided => Outcome is BroadcastDecision.Approved or BroadcastDecision.Rejected or BroadcastDecision.Withdrawn;
}
