using Bot.Worker.Awareness;
using Bot.Worker.Common;
using Bot.Worker.Storage;

namespace Bot.Tests.Unit.Awareness;

public sealed class CampaignsFileParserTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"campaigns-{Guid.NewGuid():N}.yaml");

    [Fact]
    public void The_shipped_example_parses()
    {
        var campaigns = CampaignsFileParser.Parse(Path.Combine(Support.Repo.Root, "config", "campaigns.yaml"));

        Assert.Equal(["weekly-tip", "publicity-week-2026"], campaigns.Select(c => c.Id));
        Assert.Equal("tips", campaigns[0].Rotate);
        Assert.Equal(new DateTime(2026, 5, 13, 9, 0, 0), campaigns[1].At);
    }

    [Theory]
    [InlineData("topic: news\n    cron: \"0 0 10 ? * MON\"\n    template: alert", "campaigns[0].topic")]
    [InlineData("topic: tips\n    cron: \"0 0 10 ? * XYZ\"\n    template: alert", "campaigns[0].cron")]
    [InlineData("topic: tips\n    at: next week\n    template: alert", "campaigns[0].at")]
    [InlineData("topic: tips\n    at: 2026-05-13T09:00\n    template: welcome", "no broadcast template named 'welcome'")]
    [InlineData("topic: tips\n    at: 2026-05-13T09:00\n    template: awareness-tip", "goes with rotate: tips")]
    [InlineData("topic: tips\n    template: alert", "exactly one of cron")]
    public void A_bad_campaign_is_refused_naming_the_field(string body, string expected)
    {
        File.WriteAllText(_path, "campaigns:\n  - id: c1\n    " + body + "\n");

        var error = Assert.Throws<StartupException>(() => CampaignsFileParser.Parse(_path));

        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(_path)}:\\d+:\\d+: ", error.Message);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_path);
}
