namespace Bot.Worker.Scam;

/// <summary>The verdict's first line: 🔴 strong signs, 🟠 some signs, 🟢 no known signs (never "safe").</summary>
internal enum ScamLevel
{
    Green,
    Orange,
    Red,
}
