using Bot.Worker.Configuration;

namespace Bot.Tests.Unit.Deadlines;

/// <summary>The per-field range check refuses what is out of range and nothing Quartz means to accept.</summary>
public sealed class CronRangesTests
{
    [Theory]
    [InlineData("0 0 17 10 * ?")]
    [InlineData("0 0/15 9-17 ? * MON-FRI")]
    [InlineData("0 0 10 ? * 2,4,6")]
    [InlineData("0 0 17 L * ?")]
    [InlineData("0 0 17 L-3 * ?")]
    [InlineData("0 0 17 LW * ?")]
    [InlineData("0 0 17 15W * ?")]
    [InlineData("0 0 17 ? * 6L")]
    [InlineData("0 0 17 ? * FRI#3")]
    [InlineData("59 59 23 31 DEC ? 2099")]
    [InlineData("*/5 * * * jan-mar,OCT ? 2026-2030/2")]
    public void Accepts_every_form_in_range(string cron) => Assert.Null(CronRanges.Problem(cron));

    [Theory]
    [InlineData("60 0 17 10 * ?", "second 60")]
    [InlineData("0 0 24 10 * ?", "hour 24")]
    [InlineData("0 0 17 0 * ?", "day of month 0")]
    [InlineData("0 0 17 32W * ?", "day of month 32")]
    [InlineData("0 0 17 ? * 0", "day of week 0")]
    [InlineData("0 0 17 ? * MON#6", "week number after # 6")]
    [InlineData("0 0/75 17 10 * ?", "minute step 75")]
    [InlineData("0 0 17 10 * ? 1969", "year 1969")]
    public void Names_the_field_out_of_range(string cron, string expected) =>
        Assert.Contains(expected, CronRanges.Problem(cron), StringComparison.Ordinal);
}
