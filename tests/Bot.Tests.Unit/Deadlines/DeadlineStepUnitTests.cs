using Bot.TestDatabases;
using Bot.Tests.Unit.Support;
using Bot.Worker.Deadlines;
using Bot.Worker.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Unit.Deadlines;

/// <summary>
/// A deadline step commits once: the outbox rows, their evidence lines and the step's state together or not at all;
/// and run again (as Quartz does after a crash), it records one evidence line per send.
/// </summary>
public abstract class DeadlineStepUnitTests(StorageProvider provider)
{
    [Theory]
    [InlineData("remind:1d", -24 * 60, 2, "sent")] // a reminder to both members
    [InlineData("remind:2h", 30, 2, "skipped")] // after downtime past the due time: the overdue notice to the team instead
    [InlineData("escalate", 60, 1, "scheduled")] // the first escalation to the lead; the step repeats
    [InlineData("snooze:1002", -20, 1, "sent")] // a snoozed member's own reminder
    [InlineData("due", 0, 0, "sent")] // the due time is recorded
    public async Task A_step_broken_after_any_statement_writes_nothing_and_then_runs_once(string step, int minutesFromDue, int sends, string state)
    {
        var breaker = new BreakingObserver();
        await using var bot = await StartAsync(breaker);
        var occurrence = (await bot.OccurrencesAsync("report")).Single();
        if (StepName.IsSnooze(step, out var user))
        {
            bot.Clock.SetUtcNow(occurrence.Due - TimeSpan.FromMinutes(30));
            await bot.Get<DeadlineActions>().SnoozeAsync(occurrence, user, TimeSpan.FromMinutes(10), CancellationToken.None);
        }
        bot.Clock.SetUtcNow(occurrence.Due + TimeSpan.FromMinutes(minutesFromDue));

        var broken = await HalfWritten.BreakEveryStatementAsync(bot, breaker, () => bot.RunAsync(occurrence.Id, step));

        Assert.True(broken >= 3, $"the step ran only {broken + 1} statements");
        Assert.Equal(sends, (await bot.OutboxAsync()).Count);
        await AssertOneEvidenceLinePerSendAsync(bot);
        Assert.Equal(state, (await bot.StepsAsync(occurrence.Id))[step].State);
        Assert.Equal(step == "due" ? 1 : 0, await bot.ScalarAsync("SELECT COUNT(*) FROM occurrence_events WHERE kind = 'due'"));
    }

    [Fact]
    public async Task The_notifier_broken_between_the_outbox_and_the_evidence_writes_neither()
    {
        var breaker = new BreakingObserver();
        await using var bot = await StartAsync(breaker);
        var occurrence = (await bot.OccurrencesAsync("report")).Single();
        var row = (await bot.StepsAsync(occurrence.Id))["remind:1d"];
        var deadline = bot.Get<DeadlineConfigSource>().Current.Deadline("report")!;
        var notifier = bot.Get<DeadlineNotifier>();

        var broken = await HalfWritten.BreakEveryStatementAsync(bot, breaker,
            () => notifier.RemindAsync(occurrence, deadline, row, false, null, new HashSet<long>(), CancellationToken.None));

        Assert.Equal(2, broken); // after the outbox rows, and after the evidence lines (before the commit): both rolled back each time
        Assert.Equal(2, (await bot.OutboxAsync()).Count);
        await AssertOneEvidenceLinePerSendAsync(bot);
    }

    [Fact]
    public async Task A_step_whose_run_is_repeated_records_one_evidence_line_per_send()
    {
        await using var bot = await StartAsync(new BreakingObserver());
        var occurrence = (await bot.OccurrencesAsync("report")).Single();
        bot.Clock.SetUtcNow(occurrence.Due - TimeSpan.FromDays(1));
        var row = (await bot.StepsAsync(occurrence.Id))["remind:1d"];
        var deadline = bot.Get<DeadlineConfigSource>().Current.Deadline("report")!;

        // The sends of a step written again, as a run that never recorded its step state would (the code before
        // one unit per step: a crash after the evidence, before the state, and Quartz recovering the job).
        await bot.Get<DeadlineNotifier>().RemindAsync(occurrence, deadline, row, false, null, new HashSet<long>(), CancellationToken.None);
        await bot.Get<DeadlineNotifier>().RemindAsync(occurrence, deadline, row, true, null, new HashSet<long>(), CancellationToken.None);
        await bot.RunAsync(occurrence.Id, "remind:1d");
        await bot.RunAsync(occurrence.Id, "remind:1d");

        Assert.Equal(2, (await bot.OutboxAsync()).Count);
        Assert.Equal(2, await bot.ScalarAsync("SELECT COUNT(*) FROM occurrence_events WHERE kind = 'reminded'"));
        await AssertOneEvidenceLinePerSendAsync(bot);
        Assert.Equal(StepState.Sent, (await bot.StepsAsync(occurrence.Id))["remind:1d"].State);
    }

    /// <summary>Every outbox row has one evidence line with its key, and every line of a send has its row.</summary>
    private static async Task AssertOneEvidenceLinePerSendAsync(WorkerServices bot)
    {
        var keys = await bot.Get<IDatabase>().QueryAsync<string>(
            "SELECT send_key FROM occurrence_events WHERE send_key IS NOT NULL ORDER BY send_key", null, CancellationToken.None);
        Assert.Equal((await bot.OutboxAsync()).Select(m => m.Key).Order(StringComparer.Ordinal), keys);
    }

    private Task<WorkerServices> StartAsync(BreakingObserver breaker) =>
        WorkerServices.StartAsync(DeadlineFlowTests.Yaml, DeadlineFlowTests.Start, s => s.AddSingleton<IStatementObserver>(breaker), provider);
}

public sealed class DeadlineStepUnitTestsOnSqlite() : DeadlineStepUnitTests(StorageProvider.Sqlite);

public sealed class DeadlineStepUnitTestsOnPostgres() : DeadlineStepUnitTests(StorageProvider.Postgres);
