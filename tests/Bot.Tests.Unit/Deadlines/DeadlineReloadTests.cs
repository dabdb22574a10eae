using Bot.Tests.Unit.Support;
using Bot.Worker.Deadlines;

namespace Bot.Tests.Unit.Deadlines;

/// <summary>Saving deadlines.yaml: only what changed is rescheduled, sent steps stay sent, bad edits are refused.</summary>
public sealed class DeadlineReloadTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    private const string Yaml = """
        time_zone: Asia/Shanghai
        teams:
          - id: netsec
            lead: 1001
        deadlines:
          - id: report
            title: Report
            team: netsec
            due: 2026-12-03T17:00
            remind: [1d, 2h]
          - id: other
            title: Other
            team: netsec
            due: 2026-12-05T17:00
            remind: [1d]
        """;

    [Fact]
    public async Task A_changed_ladder_reschedules_that_deadline_only_and_keeps_sent_steps_sent()
    {
        await using var bot = await WorkerServices.StartAsync(Yaml, Start);
        var report = (await bot.OccurrencesAsync("report")).Single();
        var other = (await bot.OccurrencesAsync("other")).Single();
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero)); // the 1d reminder of "report"
        await bot.RunDueStepsAsync();
        var otherBefore = bot.Steps.Scheduled[(other.Id, "remind:1d")];

        await File.WriteAllTextAsync(Path.Combine(bot.Directory, "deadlines.yaml"), Yaml.Replace("remind: [1d, 2h]", "remind: [1d, 4h, 30m]", StringComparison.Ordinal));
        Assert.True(await bot.Get<DeadlineConfigSource>().ReloadAsync());
        await bot.Get<DeadlinePlanner>().PlanAsync(CancellationToken.None);

        var steps = await bot.StepsAsync(report.Id);
        Assert.Equal(StepState.Sent, steps["remind:1d"].State);
        Assert.Equal(StepState.Cancelled, steps["remind:2h"].State);
        Assert.Equal(StepState.Scheduled, steps["remind:4h"].State);
        Assert.Equal(report.Due - TimeSpan.FromMinutes(30), bot.Steps.Scheduled[(report.Id, "remind:30m")].At);
        Assert.False(bot.Steps.Scheduled.ContainsKey((report.Id, "remind:2h")));
        Assert.Equal(otherBefore, bot.Steps.Scheduled[(other.Id, "remind:1d")]);
        await bot.RunDueStepsAsync();
        Assert.Single(await bot.OutboxAsync());
    }

    [Fact]
    public async Task A_bad_edit_is_refused_and_the_previous_schedule_keeps_running()
    {
        await using var bot = await WorkerServices.StartAsync(Yaml, Start);
        var before = bot.Steps.Scheduled.ToDictionary();

        await File.WriteAllTextAsync(Path.Combine(bot.Directory, "deadlines.yaml"), Yaml.Replace("due: 2026-12-03T17:00", "due: someday", StringComparison.Ordinal));

        Assert.False(await bot.Get<DeadlineConfigSource>().ReloadAsync());
        Assert.Equal(2, bot.Get<DeadlineConfigSource>().Current.Deadlines.Count);
        await bot.Get<DeadlinePlanner>().PlanAsync(CancellationToken.None);
        Assert.Equal(before, bot.Steps.Scheduled.ToDictionary());
    }

    [Fact]
    public async Task A_moved_due_date_cancels_the_old_occurrence_and_plans_the_new_one()
    {
        await using var bot = await WorkerServices.StartAsync(Yaml, Start);

        await File.WriteAllTextAsync(Path.Combine(bot.Directory, "deadlines.yaml"), Yaml.Replace("2026-12-03T17:00", "2026-12-04T17:00", StringComparison.Ordinal));
        await bot.Get<DeadlineConfigSource>().ReloadAsync();
        await bot.Get<DeadlinePlanner>().PlanAsync(CancellationToken.None);

        var occurrences = await bot.OccurrencesAsync("report");
        Assert.Equal([OccurrenceState.Cancelled, OccurrenceState.Open], occurrences.Select(o => o.State));
        Assert.DoesNotContain(bot.Steps.Scheduled.Keys, k => k.Occurrence == occurrences[0].Id);
    }
}
