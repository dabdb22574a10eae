namespace Bot.Worker.Scam;

/// <summary>
/// The result of a check. Holds no copy of the checked text: signs by id, entities found, known-number
/// hits, the score and level, and the tip that fits best (the heaviest sign's, or null when none);
/// the confirmed reports it is like (<see cref="Alike"/>), and the id it is kept under for its 👍/👎 buttons.
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
    /// <summary>Counted like a sign in check_stats when the message is like confirmed reports (scam-signs.yaml may not use the id).</summary>
    public const string ReportedAlikeSign = "reported-alike";

    /// <summary>Confirmed fraud reports this message is like (then it is red), or null.</summary>
    public ReportedAlike? Alike { get; init; }

    /// <summary>The check_verdicts id its 👍/👎 buttons carry; 0 when the verdict was not kept (a check outside the use case).</summary>
    public long Id { get; init; }

    /// <summary>The ids check_stats counts: the signs, and <see cref="ReportedAlikeSign"/> when the message is like reports.</summary>
    public IEnumerable<string> CountedSigns => Alike is null ? Signs.Select(s => s.Id) : Signs.Select(s => s.Id).Append(ReportedAlikeSign);

    public IEnumerable<KnownNumber> FraudHits => KnownHits.Where(k => k.Kind == KnownNumberKind.Fraud);

    public IEnumerable<KnownNumber> OfficialHits => KnownHits.Where(k => k.Kind == KnownNumberKind.Official);

    public string Emoji => EmojiOf(ScamCheckService.LevelName(Level));

    /// <summary>The emoji of a level by its name (red, orange, green); empty for anything else.</summary>
    public static string EmojiOf(string? levelName) => levelName switch
    {
        "red" => "🔴",
        "orange" => "🟠",
        "green" => "🟢",
        _ => "",
    };
}
