using Bot.Worker.Common;
using Bot.Worker.Scam;

namespace Bot.Tests.Unit.Scam;

/// <summary>known-numbers.yaml: a fraud entry makes the verdict red and is named; an official one is named as such.</summary>
public sealed class KnownNumberTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"known-{Guid.NewGuid():N}.yaml");

    [Theory]
    [InlineData("你好，我的电话是 +86 170-0000-0000，有事找我")]
    [InlineData("加我QQ 100000001 聊")]
    [InlineData("微信：fake_officer_demo")]
    public void A_message_naming_a_fraud_entry_is_red_and_says_so(string text)
    {
        var verdict = ShippedRules.Check(text);

        Assert.Equal(ScamLevel.Red, verdict.Level);
        Assert.Equal(KnownNumberKind.Fraud, Assert.Single(verdict.FraudHits).Kind);
        Assert.NotEmpty(ShippedRules.Rules.Word("known-fraud", "en"));
    }

    [Theory]
    [InlineData("有疑问请拨打96110", "96110")]
    [InlineData("紧急情况拨打110", "110")]
    [InlineData("Report spam to 12321.", "12321")]
    public void An_official_number_is_named_as_such(string text, string number)
    {
        var verdict = ShippedRules.Check(text);

        Assert.Equal(number, Assert.Single(verdict.OfficialHits).Value);
        Assert.NotEqual(ScamLevel.Red, verdict.Level);
    }

    [Fact]
    public void Numbers_in_the_file_are_normalized_and_compared_normalized()
    {
        File.WriteAllText(_path, "numbers:\n  - number: \"+86 138-0013-8000\"\n    kind: fraud\n    note: test\n    date: 2026-01-01\n");

        var known = KnownNumbersParser.Parse(_path);

        Assert.Equal("13800138000", Assert.Single(known.All).Value);
        Assert.NotNull(known.Find(new ScamEntity(EntityKind.Mobile, "13800138000")));
    }

    [Theory]
    [InlineData("  - number: \"12a\"\n    kind: fraud\n    note: x\n    date: 2026-01-01", "numbers[0].number")]
    [InlineData("  - number: \"110\"\n    kind: bad\n    note: x", "numbers[0].kind")]
    [InlineData("  - number: \"110\"\n    kind: fraud\n    note: x", "numbers[0].date")]
    [InlineData("  - number: \"110\"\n    kind: official\n    note: x\n    colour: red", "unknown key 'colour'")]
    [InlineData("  - qq: \"12\"\n    kind: official\n    note: x", "numbers[0].qq")]
    [InlineData("  - number: \"110\"\n    qq: \"12345\"\n    kind: official\n    note: x", "exactly one of number, qq or wechat")]
    [InlineData("  - number: \"110\"\n    kind: official\n    note: x\n  - number: \"110\"\n    kind: official\n    note: y", "listed twice")]
    public void A_bad_entry_is_refused_with_file_line_and_column(string body, string expected)
    {
        File.WriteAllText(_path, "numbers:\n" + body + "\n");

        var error = Assert.Throws<StartupException>(() => KnownNumbersParser.Parse(_path));

        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(_path)}:\\d+:\\d+: ", error.Message);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_path);
}
