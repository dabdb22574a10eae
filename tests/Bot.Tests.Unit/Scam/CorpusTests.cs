using System.Globalization;
using Bot.Worker.Configuration;
using Bot.Worker.Scam;
using Xunit.Abstractions;

namespace Bot.Tests.Unit.Scam;

/// <summary>The acceptance figures on the labelled set (issue 13): recall, red share, false reds; printed for docs/BENCHMARKS.md.</summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    private static readonly Lazy<List<CorpusMessage>> Corpus = new(() =>
        YamlFiles.Read<Dictionary<string, List<CorpusMessage>>>(Path.Combine(Support.Repo.Root, "tests", "Bot.Tests.Unit", "Scam", "corpus.yaml"))["messages"]);

    [Fact]
    public void The_set_is_big_enough_and_balanced()
    {
        var set = Corpus.Value;
        Assert.True(set.Count >= 60, $"{set.Count} messages");
        Assert.InRange(set.Count(m => m.IsScam), set.Count * 2 / 5, set.Count * 3 / 5);
        Assert.All(set, m => Assert.Contains(m.Lang, Bot.Worker.Chats.Languages.All));
        Assert.Equal(set.Count, set.Select(m => m.Id).Distinct().Count());
        Assert.True(set.Count(m => m.Hard) >= 10);
    }

    [Fact]
    public void Meets_the_acceptance_thresholds()
    {
        var (results, figures) = Evaluate(Corpus.Value);
        Assert.True(figures.Flagged >= 0.90, $"scam flagged red or orange: {figures.Flagged:P1}");
        Assert.True(figures.Red >= 0.70, $"scam flagged red: {figures.Red:P1}");
        Assert.True(figures.FalseRed <= 0.10, $"ordinary flagged red: {figures.FalseRed:P1}");
        Assert.All(results.Where(r => !r.Message.IsScam && r.Message.Hard), r => Assert.NotEqual(ScamLevel.Red, r.Verdict.Level));
    }

    /// <summary>
    /// holdout.yaml was written after the rules were tuned and is never used to tune them: its figures say how the
    /// rules do on messages nobody fitted them to (recorded in docs/BENCHMARKS.md). Only what must never happen is
    /// asserted here (an ordinary message red); the recall figures are printed.
    /// </summary>
    [Fact]
    public void On_the_held_out_set_no_ordinary_message_is_red()
    {
        var held = YamlFiles.Read<Dictionary<string, List<CorpusMessage>>>(Path.Combine(Support.Repo.Root, "tests", "Bot.Tests.Unit", "Scam", "holdout.yaml"))["messages"];
        var (results, _) = Evaluate(held);
        output.WriteLine("the messages added for issue 21 before the rules changed (h2-*) alone:");
        Evaluate(held.Where(m => m.Id.StartsWith("h2-", StringComparison.Ordinal)).ToList());
        output.WriteLine("the messages added after the rules changed, never tuned on (h3-*) alone:");
        Evaluate(held.Where(m => m.Id.StartsWith("h3-", StringComparison.Ordinal)).ToList());
        Assert.True(held.Count >= 92, $"{held.Count} messages");
        Assert.All(results.Where(r => !r.Message.IsScam), r => Assert.NotEqual(ScamLevel.Red, r.Verdict.Level));
    }

    private (List<(CorpusMessage Message, ScamVerdict Verdict)> Results, (double Flagged, double Red, double FalseRed) Figures) Evaluate(List<CorpusMessage> set)
    {
        var results = set.Select(m => (Message: m, Verdict: ShippedRules.Check(m.Text))).ToList();
        foreach (var (m, v) in results)
        {
            output.WriteLine($"{m.Id,-11} {m.Label,-8} {v.Emoji} {v.Score,3} {string.Join(",", v.Signs.Select(s => s.Id))}");
        }
        var scams = results.Where(r => r.Message.IsScam).ToList();
        var ordinary = results.Where(r => !r.Message.IsScam).ToList();
        double Share(IEnumerable<(CorpusMessage, ScamVerdict Verdict)> of, Func<ScamLevel, bool> which, int total) => (double)of.Count(r => which(r.Verdict.Level)) / total;
        var flagged = Share(scams, l => l != ScamLevel.Green, scams.Count);
        var red = Share(scams, l => l == ScamLevel.Red, scams.Count);
        var falseRed = Share(ordinary, l => l == ScamLevel.Red, ordinary.Count);
        var falseFlag = Share(ordinary, l => l != ScamLevel.Green, ordinary.Count);
        var truePositives = scams.Count(r => r.Verdict.Level != ScamLevel.Green);
        var precision = (double)truePositives / (truePositives + ordinary.Count(r => r.Verdict.Level != ScamLevel.Green));
        var redPrecision = (double)scams.Count(r => r.Verdict.Level == ScamLevel.Red) / Math.Max(1, results.Count(r => r.Verdict.Level == ScamLevel.Red));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"set: {results.Count} messages ({scams.Count} scam, {ordinary.Count} ordinary, {ordinary.Count(r => r.Message.Hard)} of them hard)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scam: red {red:P1}, orange {flagged - red:P1}, green {1 - flagged:P1} | recall (red or orange) {flagged:P1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ordinary: red {falseRed:P1}, orange {falseFlag - falseRed:P1}, green {1 - falseFlag:P1} | precision (red or orange) {precision:P1}, precision of red {redPrecision:P1}"));
        return (results, (flagged, red, falseRed));
    }
}
