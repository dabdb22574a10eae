namespace Bot.Worker.Reports;

/// <summary>What pressing Send it to our team under a 👎 did.</summary>
internal enum WrongVerdictStart
{
    /// <summary>The chat's next message becomes the wrong-verdict report.</summary>
    Awaiting,

    /// <summary>Over the hourly limit of reports.</summary>
    RateLimited,

    /// <summary>The verdict is no longer kept (older than 7 days).</summary>
    Gone,
}
