namespace Bot.Worker.Awareness;

internal enum BroadcastDecision
{
    Approved,
    Rejected,
    Withdrawn,
    OwnProposal,
    NotProposer,
    NotFound,
    AlreadyDecided,
}
