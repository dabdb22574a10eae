using Bot.Worker.Scam;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Unit.Scam;

/// <summary>The shipped config/scam-signs.yaml and known-numbers.yaml, parsed once (tips checked against tips.yaml).</summary>
internal static class ShippedRules
{
    // The shipped rules with a 1 s match timeout instead of 100 ms: these tests check what the patterns match,
    // and a test host busy with other test assemblies can pause a thread for longer than 100 ms (a timed-out rule
    // counts as not matched). The timeout itself is tested with a catastrophic rule of its own.
    private static readonly Lazy<ScamRules> LazyRules = new(() => ScamRulesParser.Parse(WithTimeout(1000), Support.TipIds.Read()));

    private static readonly Lazy<KnownNumbers> LazyKnown = new(() => KnownNumbersParser.Parse(Path.Combine(Support.Repo.Root, "config", "known-numbers.yaml")));

    public static ScamRules Rules => LazyRules.Value;

    /// <summary>The file exactly as shipped (its own match timeout).</summary>
    public static ScamRules AsShipped() => ScamRulesParser.Parse(Path.Combine(Support.Repo.Root, "config", "scam-signs.yaml"), Support.TipIds.Read());

    public static KnownNumbers Known => LazyKnown.Value;

    /// <summary>Checks with a clock that stands still: the whole-check budget never skips a rule here (HostileRuleTests test it).</summary>
    public static ScamVerdict Check(string text) => ScamChecker.Check(text, Rules, Known, new FakeTimeProvider());

    private static string WithTimeout(int ms)
    {
        var yaml = File.ReadAllText(Path.Combine(Support.Repo.Root, "config", "scam-signs.yaml"));
        Assert.Contains("\nmatch_timeout_ms: 100\n", yaml, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"scam-signs-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml.Replace("\nmatch_timeout_ms: 100\n", $"\nmatch_timeout_ms: {ms}\n", StringComparison.Ordinal));
        return path;
    }
}
