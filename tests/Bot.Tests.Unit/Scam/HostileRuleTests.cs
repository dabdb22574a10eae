using Bot.Worker.Scam;

namespace Bot.Tests.Unit.Scam;

/// <summary>A catastrophic rule or a very long message cannot hold a check: the regex timeout ends the rule, which counts as not matched.</summary>
public sealed class HostileRuleTests : IDisposable
{
    private readonly RulesFile _file = new();

    [Fact]
    public void A_catastrophic_rule_on_a_4096_character_message_times_out_and_counts_as_not_matched()
    {
        var rules = ScamRulesParser.Parse(_file.Write(RulesFile.ValidSign + """
              - id: hostile
                family: urgency-secrecy
                weight: 10
                tip: four-habits
                patterns:
                  zh-Hans: ['^(\w+\s?)*$']
                  zh-Hant: fold
                  en: ['(a+)+$']
                explain: {zh-Hans: x, zh-Hant: x, en: x}
            """));
        var text = "安全账户 " + new string('a', 4000) + "!";

        var verdict = ScamChecker.Check(text.PadRight(4096, 'a') + "!", rules);

        Assert.Equal(["hostile"], verdict.TimedOut);
        Assert.DoesNotContain(verdict.Signs, s => s.Id == "hostile");
        Assert.Contains(verdict.Signs, s => s.Id == "safe-account");
        Assert.Equal(ScamLevel.Red, verdict.Level);
    }

    [Fact]
    public void Every_shipped_rule_is_compiled_with_a_match_timeout()
    {
        Assert.All(ShippedRules.AsShipped().Signs.Where(s => s.Pattern is not null),
            s => Assert.InRange(s.Pattern!.MatchTimeout, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public void A_message_longer_than_4096_characters_is_checked_on_its_first_4096()
    {
        var verdict = ShippedRules.Check(new string('好', 4096) + "请把钱转到安全账户");

        Assert.Equal(ScamLevel.Green, verdict.Level);
        Assert.Empty(verdict.TimedOut);
    }

    public void Dispose() => _file.Dispose();
}
