namespace Bot.Worker.Awareness;

internal enum BroadcastDecision
{
    Approved,
    Rejected,
    OwnProposal,
    NotFound,
    AlreadyDecided,
}
