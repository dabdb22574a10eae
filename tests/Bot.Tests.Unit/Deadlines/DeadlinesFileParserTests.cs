using Bot.Worker.Common;
using Bot.Worker.Deadlines;

namespace Bot.Tests.Unit.Deadlines;

/// <summary>deadlines.yaml problems are refused with file, line, column and the field.</summary>
public sealed class DeadlinesFileParserTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"deadlines-{Guid.NewGuid():N}.yaml");

    private const string Teams = """
        teams:
          - id: netsec
            lead: 1001
            members: [1001, 1002]
        deadlines:
        """;

    [Fact]
    public void The_shipped_example_parses()
    {
        var config = DeadlinesFileParser.Parse(Path.Combine(Support.Repo.Root, "config", "deadlines.yaml"), "Asia/Shanghai", _ => true, Now);

        Assert.Equal(["batch5-suspension-report", "monthly-work-report", "reverification-window"], config.Deadlines.Select(d => d.Id));
        Assert.Equal(-1001234567890, config.Teams.Single().Group);
        Assert.Equal(["3d", "1d", "2h", "0m"], config.Deadlines[0].Remind.Select(r => r.Text));
    }

    [Theory]
    [InlineData("    due: 2026-02-30T17:00", "deadlines[0].due", 5)]
    [InlineData("    due: 2026-02-10T17:00\n    remind: [3d, soon]", "deadlines[0].remind[1]", 6)]
    [InlineData("    cron: \"0 0 17 32 * ?\"", "deadlines[0].cron", 5)]
    [InlineData("    cron: \"0 0 17 99 * ?\"", "deadlines[0].cron: '0 0 17 99 * ?': day of month 99 is out of range (1-31)", 5)]
    [InlineData("    cron: \"0 75 17 10 * ?\"", "minute 75 is out of range (0-59)", 5)]
    [InlineData("    cron: \"0 0 17 10-40 * ?\"", "day of month 40 is out of range (1-31)", 5)]
    [InlineData("    cron: \"0 0 17 ? * MON,8\"", "day of week 8 is out of range (1-7 or SUN-SAT)", 5)]
    [InlineData("    cron: \"0 0 17 10 * ? 2020\"", "never fires again", 5)]
    [InlineData("    due: 2026-02-10T17:00\n    remid: [1d]", "unknown key 'remid'", 6)]
    [InlineData("    due: 2026-02-10T17:00\n    template: no-such-template", "deadlines[0].template", 6)]
    [InlineData("    due: 2026-02-10T17:00\n    time_zone: Mars/Olympus", "deadlines[0].time_zone", 6)]
    [InlineData("    window: 24h\n    cron: \"0 0 17 10 * ?\"", "exactly one of due", 2)]
    public void A_bad_field_is_named_with_its_line(string lines, string expected, int line)
    {
        File.WriteAllText(_path, Teams + "\n  - id: d1\n    title: T\n    team: netsec\n" + lines + "\n");

        var error = Assert.Throws<StartupException>(() => DeadlinesFileParser.Parse(_path, "Asia/Shanghai", n => n.StartsWith("deadline-", StringComparison.Ordinal), Now));

        Assert.StartsWith($"{_path}:{line + 4}:", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_team_and_a_duplicate_id_are_refused()
    {
        File.WriteAllText(_path, Teams + "\n  - id: d1\n    title: T\n    team: nobody\n    due: 2026-02-10T17:00\n");
        Assert.Contains("no team 'nobody'", Assert.Throws<StartupException>(() => DeadlinesFileParser.Parse(_path, "Asia/Shanghai", _ => true, Now)).Message, StringComparison.Ordinal);

        File.WriteAllText(_path, Teams + "\n  - {id: d1, title: T, team: netsec, window: 2h}\n  - {id: d1, title: T, team: netsec, window: 2h}\n");
        Assert.Contains("'d1' appears twice", Assert.Throws<StartupException>(() => DeadlinesFileParser.Parse(_path, "Asia/Shanghai", _ => true, Now)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_yaml_names_line_and_column()
    {
        File.WriteAllText(_path, "teams:\n  - id: [unclosed\n");
        Assert.Matches(@":\d+:\d+: ", Assert.Throws<StartupException>(() => DeadlinesFileParser.Parse(_path, "Asia/Shanghai", _ => true, Now)).Message);
    }

    public void Dispose() => File.Delete(_path);
}
