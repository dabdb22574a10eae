using Bot.Worker.Awareness;
using Bot.Worker.Common;

namespace Bot.Tests.Unit.Awareness;

public sealed class CampaignsFileParserTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"campaigns-{Guid.NewGuid():N}.yaml");

    [Fact]
    public void The_shipped_example_parses()
    {
        var campaigns = CampaignsFileParser.Parse(Path.Combine(Support.Repo.Root, "config", "campaigns.yaml"), Shanghai, Now);

        Assert.Equal(["weekly-tip", "publicity-week-2026"], campaigns.Select(c => c.Id));
        Assert.Equal("tips", campaigns[0].Rotate);
        Assert.Equal(new DateTime(2026, 5, 13, 9, 0, 0), campaigns[1].At);
    }

    [Theory]
    [InlineData("topic: news\n    cron: \"0 0 10 ? * MON\"\n    template: alert", "campaigns[0].topic")]
    [InlineData("topic: tips\n    cron: \"0 0 10 ? * XYZ\"\n    template: alert", "campaigns[0].cron")]
    [InlineData("topic: tips\n    cron: \"0 0 25 ? * MON\"\n    template: alert", "campaigns[0].cron: '0 0 25 ? * MON': hour 25 is out of range (0-23)")]
    [InlineData("topic: tips\n    cron: \"0 0 10 1 13 ?\"\n    template: alert", "month 13 is out of range (1-12 or JAN-DEC)")]
    [InlineData("topic: tips\n    cron: \"0 0 10 1 1 ? 2021\"\n    template: alert", "never fires again")]
    [InlineData("topic: tips\n    at: next week\n    template: alert", "campaigns[0].at")]
    [InlineData("topic: tips\n    at: 2026-05-13T09:00\n    template: welcome", "no broadcast template named 'welcome'")]
    [InlineData("topic: tips\n    at: 2026-05-13T09:00\n    template: awareness-tip", "goes with rotate: tips")]
    [InlineData("topic: tips\n    template: alert", "exactly one of cron")]
    public void A_bad_campaign_is_refused_naming_the_field(string body, string expected)
    {
        File.WriteAllText(_path, "campaigns:\n  - id: c1\n    " + body + "\n");

        var error = Assert.Throws<StartupException>(() => CampaignsFileParser.Parse(_path, Shanghai, Now));

        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(_path)}:\\d+:\\d+: ", error.Message);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_path);
}
