namespace Bot.Worker.Scam;

/// <summary>
/// The result of a check. Holds no copy of the checked text: signs by id, entities found, known-number
/// hits, the score and level, and the tip that fits best (the heaviest sign's, or null when none).
/// </summary>
internal sealed record ScamVerdict(
    ScamLevel Level,
    int Score,
    IReadOnlyList<SignHit> Signs,
    IReadOnlyList<ScamEntity> Entities,
    IReadOnlyList<KnownNumber> KnownHits,
    string? TipId,
    IReadOnlyList<string> TimedOut)
{
    public IEnumerable<KnownNumber> FraudHits => KnownHits.Where(k => k.Kind == KnownNumberKind.Fraud);

    public IEnumerable<KnownNumber> OfficialHits => KnownHits.Where(k => k.Kind == KnownNumberKind.Official);

    public string Emoji => Level switch
    {
        ScamLevel.Red => "🔴",
        ScamLevel.Orange => "🟠",
        _ => "🟢",
    };
}
