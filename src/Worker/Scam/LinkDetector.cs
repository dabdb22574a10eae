namespace Bot.Worker.Scam;

/// <summary>A sign found by looking at the links' hosts rather than by patterns.</summary>
internal enum LinkDetector
{
    None,

    /// <summary>A known URL shortener hides where the link goes.</summary>
    Shortener,

    /// <summary>A host that borrows a government, bank or telecom name without being under its real domain.</summary>
    LookAlike,
}
