namespace Bot.Worker.Scam;

/// <summary>
/// Checks a message with the current rules and known numbers. The text is neither stored nor logged:
/// the verdict keeps only sign ids, the numbers and links found, and the level.
/// </summary>
internal sealed class ScamChecker(ScamRulesSource rules, KnownNumbersSource known, TimeProvider clock)
{
    public ScamVerdict Check(string text) => ScamEvaluator.Evaluate(text, rules.Current, known.Current, clock);

    /// <summary>For tests and benchmarks: a check against the given rules, outside the host.</summary>
    public static ScamVerdict Check(string text, ScamRules rules, KnownNumbers? known = null, TimeProvider? clock = null) =>
        ScamEvaluator.Evaluate(text, rules, known ?? KnownNumbers.Empty, clock ?? TimeProvider.System);
}
