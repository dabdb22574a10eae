using Bot.Worker.Common;
using Bot.Worker.Scam;

namespace Bot.Tests.Unit.Scam;

/// <summary>scam-signs.yaml problems are refused as "file:line:column: field: problem".</summary>
public sealed class ScamRulesParserTests : IDisposable
{
    private readonly RulesFile _file = new();

    [Fact]
    public void The_shipped_file_parses_with_its_tips_checked()
    {
        var rules = ShippedRules.Rules;

        Assert.True(rules.Signs.Count >= 20);
        Assert.True(rules.RedAt > rules.OrangeAt);
        Assert.True(rules.Fold.Count > 100);
        Assert.Contains("t.cn", rules.Shorteners);
    }

    [Fact]
    public void A_regex_that_does_not_compile_is_refused_at_its_line_and_column()
    {
        var path = _file.Write(RulesFile.ValidSign.Replace("['safe account']", "['safe (account']", StringComparison.Ordinal));

        var error = Assert.Throws<StartupException>(() => ScamRulesParser.Parse(path));

        Assert.StartsWith($"{path}:{At(path, "'safe (account'")}: signs[0].patterns.en[0]: not a valid regex", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_refused_at_its_line_and_column()
    {
        var path = _file.Write(RulesFile.ValidSign.Replace("    weight: 6", "    wieght: 6", StringComparison.Ordinal));

        var error = Assert.Throws<StartupException>(() => ScamRulesParser.Parse(path));

        Assert.StartsWith($"{path}:{At(path, "wieght")}: signs[0]: unknown key 'wieght'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    tip: police-safe-account", "    tip: no-such-tip", "signs[0].tip: no tip 'no-such-tip'")]
    [InlineData("    family: safe-account", "    family: gossip", "signs[0].family: unknown family 'gossip'")]
    [InlineData("      zh-Hant: fold", "      zh-Hant: []", "signs[0].patterns.zh-Hant: needs patterns, or 'fold'")]
    [InlineData("      zh-Hant: fold\n", "", "signs[0].patterns.zh-Hant: needs patterns, or 'fold'")]
    [InlineData("      en: ['safe account']", "      en: ['']", "signs[0].patterns.en[0]: an empty pattern")]
    [InlineData("      en: ['safe account']", "      en: ['(a)\\1']", "signs[0].patterns.en[0]: not a valid regex")]
    [InlineData(", en: safe account}", "}", "signs[0].explain.en: is required")]
    [InlineData("    weight: 6", "    weight: heavy", "signs[0].weight: expected a whole number")]
    [InlineData("- id: safe-account", "- id: Safe Account", "signs[0].id: 'Safe Account' may only have")]
    public void A_bad_sign_is_refused_naming_the_field(string from, string to, string expected)
    {
        var path = _file.Write(RulesFile.ValidSign.Replace(from, to, StringComparison.Ordinal));

        var error = Assert.Throws<StartupException>(() => ScamRulesParser.Parse(path, Support.TipIds.Read()));

        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(path)}:\\d+:\\d+: ", error.Message);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_id_is_refused()
    {
        var path = _file.Write(RulesFile.ValidSign + RulesFile.ValidSign);

        var error = Assert.Throws<StartupException>(() => ScamRulesParser.Parse(path));

        Assert.Contains("signs[1].id: 'safe-account' appears twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("match_timeout_ms: 5000\n", "match_timeout_ms.match_timeout_ms: expected a whole number from 1 to 1000")]
    [InlineData("colour: red\n", "unknown key 'colour'")]
    public void A_bad_header_is_refused(string header, string expected)
    {
        var path = _file.Write(RulesFile.ValidSign, header);

        var error = Assert.Throws<StartupException>(() => ScamRulesParser.Parse(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _file.Dispose();

    /// <summary>"line:column" (1-based) of the first occurrence of <paramref name="text"/> in the file.</summary>
    private static string At(string path, string text)
    {
        var lines = File.ReadAllLines(path);
        var line = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        return $"{line + 1}:{lines[line].IndexOf(text, StringComparison.Ordinal) + 1}";
    }
}
