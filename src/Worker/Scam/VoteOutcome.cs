namespace Bot.Worker.Scam;

/// <summary>What a 👍 or 👎 did.</summary>
internal enum VoteOutcome
{
    /// <summary>Counted: the verdict's first vote.</summary>
    Counted,

    /// <summary>The verdict has a vote already (one per verdict).</summary>
    VotedAlready,

    /// <summary>The verdict is no longer kept (older than 7 days).</summary>
    Gone,
}
