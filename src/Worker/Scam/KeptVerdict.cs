namespace Bot.Worker.Scam;

/// <summary>A verdict as kept for its buttons (<c>check_verdicts</c>): its level, the sign ids counted, and the vote if any. No text, no chat.</summary>
internal sealed record KeptVerdict
{
    public long Id { get; init; }

    /// <summary>The check_stats day it was counted on (its votes count on the same day's rows).</summary>
    public long Day { get; init; }

    public string Level { get; init; } = "";

    /// <summary>Sign ids, comma-separated.</summary>
    public string Signs { get; init; } = "";

    public string? Vote { get; init; }

    public IReadOnlyList<string> SignIds => Signs.Length == 0 ? [] : Signs.Split(',');
}
