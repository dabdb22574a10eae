using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Bot.Worker.Scam;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Unit.Scam;

/// <summary>The rule sources: a bad file at start stops start-up with file:line:column; a bad edit keeps the previous rules.</summary>
public sealed class RuleSourceTests : IDisposable
{
    private readonly RulesFile _rules = new();
    private readonly string _known = Path.Combine(Path.GetTempPath(), $"known-{Guid.NewGuid():N}.yaml");

    [Fact]
    public void A_bad_file_at_start_throws_with_file_line_and_column()
    {
        _rules.Write(RulesFile.ValidSign.Replace("['safe account']", "['(unclosed']", StringComparison.Ordinal));
        using var source = RulesSource();

        var error = Assert.Throws<StartupException>(() => source.Load());

        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(_rules.Path)}:\\d+:\\d+: signs\\[0\\]\\.patterns\\.en\\[0\\]", error.Message);
    }

    [Fact]
    public async Task A_bad_edit_keeps_the_previous_rules_and_a_good_one_replaces_them()
    {
        _rules.Write(RulesFile.ValidSign);
        using var source = RulesSource();
        var first = source.Load();

        _rules.Write(RulesFile.ValidSign.Replace("weight: 6", "weight: x", StringComparison.Ordinal));
        Assert.False(await source.ReloadAsync());
        Assert.Same(first, source.Current);

        _rules.Write(RulesFile.ValidSign.Replace("weight: 6", "weight: 4", StringComparison.Ordinal));
        Assert.True(await source.ReloadAsync());
        Assert.Equal(4, Assert.Single(source.Current.Signs).Weight);
    }

    [Fact]
    public async Task Known_numbers_reload_and_a_checker_sees_the_change()
    {
        _rules.Write(RulesFile.ValidSign);
        File.WriteAllText(_known, "numbers: []\n");
        using var rules = RulesSource();
        using var known = new KnownNumbersSource(Options.Create(Bot()), new ContentPaths(Path.GetTempPath()), TimeProvider.System, NullLogger<KnownNumbersSource>.Instance);
        rules.Load();
        known.Load();
        var checker = new ScamChecker(rules, known, TimeProvider.System);
        Assert.Equal(ScamLevel.Green, checker.Check("call 13900001111").Level);

        File.WriteAllText(_known, "numbers:\n  - number: 139-0000-1111\n    kind: fraud\n    note: test\n    date: 2026-01-01\n");
        Assert.True(await known.ReloadAsync());

        Assert.Equal(ScamLevel.Red, checker.Check("call 13900001111").Level);
    }

    public void Dispose()
    {
        _rules.Dispose();
        File.Delete(_known);
    }

    private BotOptions Bot() => new() { ScamSignsFile = _rules.Path, KnownNumbersFile = _known };

    private ScamRulesSource RulesSource() => new(Options.Create(Bot()), Options.Create(new TemplatesOptions { Directory = Support.Repo.Templates }),
        new ContentPaths(Path.GetTempPath()), TimeProvider.System, NullLogger<ScamRulesSource>.Instance);
}
