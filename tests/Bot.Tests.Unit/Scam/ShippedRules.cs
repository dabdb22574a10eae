using Bot.Worker.Scam;

namespace Bot.Tests.Unit.Scam;

/// <summary>The shipped config/scam-signs.yaml and known-numbers.yaml, parsed once (tips checked against tips.yaml).</summary>
internal static class ShippedRules
{
    private static readonly Lazy<ScamRules> LazyRules = new(() => ScamRulesParser.Parse(
        Path.Combine(Support.Repo.Root, "config", "scam-signs.yaml"),
        Support.TipIds.Read()));

    private static readonly Lazy<KnownNumbers> LazyKnown = new(() => KnownNumbersParser.Parse(Path.Combine(Support.Repo.Root, "config", "known-numbers.yaml")));

    public static ScamRules Rules => LazyRules.Value;

    public static KnownNumbers Known => LazyKnown.Value;

    public static ScamVerdict Check(string text) => ScamChecker.Check(text, Rules, Known);
}
