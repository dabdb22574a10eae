namespace Bot.Worker.Awareness;

/// <summary>
/// What proposing an alert came to: the pending broadcast and its audience, or why not (with the
/// rendered length and the limit, or the language and version of a live <c>alert</c> that hides the text).
/// </summary>
internal sealed record ProposalResult(
    ProposalOutcome Outcome,
    Broadcast? Broadcast = null,
    int Audience = 0,
    int Length = 0,
    int Limit = 0,
    string Language = "",
    int Version = 0);
