namespace Bot.Worker.Scam;

/// <summary>
/// Checks a message with the current rules and known numbers. The text is neither stored nor logged:
/// the verdict keeps only sign ids, the numbers and links found, and the level.
/// </summary>
internal sealed class ScamChecker(ScamRulesSource rules, KnownNumbersSource known, TimeProvider clock)
{
    public ScamVerdict Check(string text) => ScamEvaluator.Evaluate(text, rules.Current, known.Current, clock);

    /// <summary>
    /// A check against the file's known numbers and <paramref name="confirmed"/> (numbers reports confirmed, from the database; the
    /// file wins on a clash), and the confirmed reports the text is like (<paramref name="alike"/>, from <see cref="ReportedAlikeIndex"/>).
    /// </summary>
    public ScamVerdict Check(string text, IReadOnlyCollection<KnownNumber> confirmed, ReportedAlike? alike = null) =>
        ScamEvaluator.Evaluate(text, rules.Current, known.Current.With(confirmed), clock, alike);

    /// <summary>True when known-numbers.yaml lists the number or account as official (never confirmed as fraud from a report).</summary>
    public bool IsOfficial(ScamEntity entity) => known.Current.Find(entity)?.Kind == KnownNumberKind.Official;

    /// <summary>A sign's one-line explanation in a language, or null when the current rules have no such sign.</summary>
    public string? Explain(string signId, string language) => rules.Current.Signs.FirstOrDefault(s => s.Id == signId)?.Explanation.GetValueOrDefault(language);

    /// <summary>The wording of the verdict (scam-signs.yaml <c>wording:</c>) in a language.</summary>
    public string Word(string key, string language) => rules.Current.Word(key, language);

    /// <summary>For tests and benchmarks: a check against the given rules, outside the host.</summary>
    public static ScamVerdict Check(string text, ScamRules rules, KnownNumbers? known = null, TimeProvider? clock = null) =>
        ScamEvaluator.Evaluate(text, rules, known ?? KnownNumbers.Empty, clock ?? TimeProvider.System);
}
