using Bot.Tests.Unit.Support;
using Bot.Worker.Deadlines;

namespace Bot.Tests.Unit.Deadlines;

/// <summary>Occurrences through their steps with fake time and a recording scheduler: done, snooze, downtime, catch-up.</summary>
public sealed class DeadlineFlowTests
{
    internal static readonly DateTimeOffset Start = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero); // 09:00 in Shanghai

    internal const string Yaml = """
        time_zone: Asia/Shanghai
        teams:
          - id: netsec
            name: Network security team
            lead: 1001
            members: [1001, 1002]
        deadlines:
          - id: report
            title: Report the suspension results
            team: netsec
            due: 2026-12-03T17:00
            remind: [1d, 2h, 0m]
            escalate_after: 1h
            escalate_every: 4h
        """;

    [Fact]
    public async Task A_reminder_goes_to_every_member_with_buttons_once()
    {
        await using var bot = await WorkerServices.StartAsync(Yaml, Start);
        var occurrence = (await bot.OccurrencesAsync("report")).Single();

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero)); // 1d before 17:00
        await bot.RunDueStepsAsync();
        await bot.RunDueStepsAsync();

        var sent = await bot.OutboxAsync();
        Assert.Equal([1001L, 1002L], sent.Where(m => m.Kind == "deadline-reminder").Select(m => m.ChatId).Order());
        Assert.Equal(StepState.Sent, (await bot.StepsAsync(occurrence.Id))["remind:1d"].State);
        Assert.Equal(2, (int)await bot.Get<Bot.Worker.Storage.IDatabase>().ScalarAsync<long>("SELECT COUNT(*) FROM occurrence_events WHERE kind = 'reminded' AND template_version = 1", new { }, CancellationToken.None));
    }

    [Fact]
    public async Task Done_cancels_every_later_step_and_tells_the_team_once()
    {
        await using var bot = await WorkerServices.StartAsync(Yaml, Start);
        var occurrence = (await bot.OccurrencesAsync("report")).Single();
        Assert.Equal(5, bot.Steps.Scheduled.Count);

        Assert.True((await bot.Get<DeadlineActions>().DoneAsync(occurrence, 1002, CancellationToken.None)).Closed);
        Assert.Equal(DoneOutcome.AlreadyClosed, await bot.Get<DeadlineActions>().DoneAsync(occurrence, 1001, CancellationToken.None));

        Assert.Empty(bot.Steps.Scheduled);
        Assert.All((await bot.StepsAsync(occurrence.Id)).Values, s => Assert.Equal(StepState.Cancelled, s.State));
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero));
        await bot.RunAsync(occurrence.Id, "escalate");
        await bot.RunAsync(occurrence.Id, "remind:2h");
        var sent = await bot.OutboxAsync();
        Assert.Equal(["deadline-closed", "deadline-closed"], sent.Select(m => m.Kind));
        Assert.Equal(OccurrenceState.Done, (await bot.OccurrencesAsync("report")).Single().State);
    }

    [Fact]
    public async Task A_snooze_never_crosses_the_due_time()
    {
        await using var bot = await WorkerServices.StartAsync(Yaml, Start);
        var occurrence = (await bot.OccurrencesAsync("report")).Single();
        bot.Clock.SetUtcNow(occurrence.Due - TimeSpan.FromMinutes(30));

        var (until, capped) = await bot.Get<DeadlineActions>().SnoozeAsync(occurrence, 1002, TimeSpan.FromHours(1), CancellationToken.None);
        var (early, notCapped) = await bot.Get<DeadlineActions>().SnoozeAsync(occurrence, 1001, TimeSpan.FromMinutes(10), CancellationToken.None);

        Assert.Equal((occurrence.Due, true), (until, capped));
        Assert.Equal((occurrence.Due - TimeSpan.FromMinutes(20), false), (early, notCapped));
        Assert.Equal(occurrence.Due, bot.Steps.Scheduled[(occurrence.Id, "snooze:1002")].At);
    }

    [Fact]
    public async Task A_snoozed_member_skips_team_reminders_until_the_snooze_fires()
    {
        await using var bot = await WorkerServices.StartAsync(Yaml, Start);
        var occurrence = (await bot.OccurrencesAsync("report")).Single();
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 6, 30, 0, TimeSpan.Zero)); // 14:30 local
        await bot.Get<DeadlineActions>().SnoozeAsync(occurrence, 1002, TimeSpan.FromHours(1), CancellationToken.None);

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 7, 0, 0, TimeSpan.Zero)); // the 2h reminder
        await bot.RunDueStepsAsync();
        Assert.Equal([1001L], (await bot.OutboxAsync()).Select(m => m.ChatId));

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 7, 30, 0, TimeSpan.Zero)); // the snooze
        await bot.RunDueStepsAsync();
        Assert.Equal([1001L, 1002L], (await bot.OutboxAsync()).Select(m => m.ChatId));
    }

    [Fact]
    public async Task After_downtime_only_the_latest_missed_reminder_goes_out_marked_late()
    {
        await using var bot = await WorkerServices.StartAsync(Yaml, Start);
        var occurrence = (await bot.OccurrencesAsync("report")).Single();

        // Down from before the 1d reminder until after the 2h one; back 30 minutes before the due time.
        bot.Clock.SetUtcNow(occurrence.Due - TimeSpan.FromMinutes(30));
        await bot.RunDueStepsAsync();

        var steps = await bot.StepsAsync(occurrence.Id);
        Assert.Equal(StepState.Skipped, steps["remind:1d"].State);
        Assert.Equal(StepState.Sent, steps["remind:2h"].State);
        var reminders = (await bot.OutboxAsync()).Where(m => m.Kind == "deadline-reminder").ToList();
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, m => Assert.Contains(":remind:2h@", m.Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_downtime_past_the_due_time_only_the_overdue_notice_goes_out()
    {
        await using var bot = await WorkerServices.StartAsync(Yaml, Start);
        var occurrence = (await bot.OccurrencesAsync("report")).Single();

        bot.Clock.SetUtcNow(occurrence.Due + TimeSpan.FromMinutes(30));
        await bot.RunDueStepsAsync();

        var sent = await bot.OutboxAsync();
        Assert.DoesNotContain(sent, m => m.Kind == "deadline-reminder");
        Assert.Equal([1001L, 1002L], sent.Where(m => m.Kind == "deadline-overdue").Select(m => m.ChatId).Order());
        Assert.All((await bot.StepsAsync(occurrence.Id)).Values.Where(s => s.Step.StartsWith("remind:", StringComparison.Ordinal)),
            s => Assert.Equal(StepState.Skipped, s.State));
    }

    [Fact]
    public async Task The_lead_gets_the_overdue_notice_when_nobody_acknowledged_and_again_every_interval()
    {
        await using var bot = await WorkerServices.StartAsync(Yaml, Start);
        var occurrence = (await bot.OccurrencesAsync("report")).Single();

        bot.Clock.SetUtcNow(occurrence.Due + TimeSpan.FromHours(1));
        await bot.RunAsync(occurrence.Id, "escalate");
        bot.Clock.SetUtcNow(occurrence.Due + TimeSpan.FromHours(5));
        await bot.RunAsync(occurrence.Id, "escalate");

        var escalations = (await bot.OutboxAsync()).Where(m => m.Kind == "deadline-overdue").ToList();
        Assert.Equal([1001L, 1001L], escalations.Select(m => m.ChatId));
        Assert.Equal(2, escalations.Select(m => m.Key).Distinct().Count());
    }

    [Fact]
    public async Task A_recurring_deadline_catches_up_once_after_a_long_downtime()
    {
        const string monthly = """
            time_zone: Asia/Shanghai
            teams:
              - id: netsec
                lead: 1001
            deadlines:
              - id: monthly
                title: Monthly report
                team: netsec
                cron: "0 0 17 10 * ?"
                remind: [1d]
            """;
        await using var bot = await WorkerServices.StartAsync(monthly, Start);
        Assert.Single(await bot.OccurrencesAsync("monthly")); // 10 Dec; 10 Jan's reminder is beyond the 35-day horizon

        bot.Clock.SetUtcNow(new DateTimeOffset(2027, 5, 1, 0, 0, 0, TimeSpan.Zero)); // down for five months
        await bot.Get<DeadlinePlanner>().PlanAsync(CancellationToken.None);

        var dues = (await bot.OccurrencesAsync("monthly")).Select(o => o.Due.UtcDateTime.Month).ToList();
        Assert.Equal([12, 4, 5], dues); // Jan-Mar skipped; Apr is the one catch-up; May is ahead
    }

    [Fact]
    public async Task A_one_off_date_already_past_when_first_planned_sends_nothing()
    {
        await using var bot = await WorkerServices.StartAsync(Yaml.Replace("2026-12-03T17:00", "2012-02-17T17:00", StringComparison.Ordinal), Start);

        Assert.Equal(OccurrenceState.Missed, (await bot.OccurrencesAsync("report")).Single().State);
        Assert.Empty(bot.Steps.Scheduled);
    }

    [Fact]
    public async Task An_approved_extension_moves_the_due_time_and_restarts_the_ladder()
    {
        await using var bot = await WorkerServices.StartAsync(Yaml, Start);
        var occurrence = (await bot.OccurrencesAsync("report")).Single();
        bot.Clock.SetUtcNow(occurrence.Due - TimeSpan.FromHours(3));
        var actions = bot.Get<DeadlineActions>();

        var request = await actions.RequestExtensionAsync(occurrence, 1002, "waiting for data", TimeSpan.FromDays(1), CancellationToken.None);
        Assert.Equal(ExtensionOutcome.NotAllowed, await actions.DecideExtensionAsync(request, 1002, false, true, CancellationToken.None));
        Assert.Equal(ExtensionOutcome.Approved, await actions.DecideExtensionAsync(request, 1001, false, true, CancellationToken.None));

        var moved = (await bot.OccurrencesAsync("report")).Single();
        Assert.Equal(occurrence.Due + TimeSpan.FromDays(1), moved.Due);
        Assert.Equal(moved.Due - TimeSpan.FromDays(1), bot.Steps.Scheduled[(occurrence.Id, "remind:1d")].At);
        Assert.Contains(await bot.OutboxAsync(), m => m.Kind == "extension-request" && m.ChatId == 1001);
    }
}
