using Bot.Worker.Awareness;

namespace Bot.Worker.Statistics;

/// <summary>
/// An alert as the broadcasts page lists it: who proposed and who decided it (display names), and how far it got
/// (<see cref="Progress"/> is null while it waits for approval or after it was rejected: nothing was queued).
/// </summary>
internal sealed record AlertStatus(Broadcast Broadcast, string Proposer, string? Decider, BroadcastProgress? Progress)
{
    /// <summary>pending_approval, approved, enqueuing, sending, done or rejected.</summary>
    public string State => Progress?.State ?? Broadcast.State;
}
