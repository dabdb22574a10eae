namespace Bot.Worker.Delivery;

/// <summary>What happened when the dispatcher tried to start sends.</summary>
internal enum StartOutcome
{
    /// <summary>Every row it could start was started.</summary>
    Started,

    /// <summary>Something more urgent arrived: begin the pass again.</summary>
    Restart,

    /// <summary>Out of global permits or paused: wait.</summary>
    Wait,
}
