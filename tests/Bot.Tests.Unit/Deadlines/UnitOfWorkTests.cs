using Bot.TestDatabases;
using Bot.Tests.Unit.Support;
using Bot.Worker.Deadlines;
using Bot.Worker.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Unit.Deadlines;

/// <summary>A change that touches several rows commits once: broken half-way, it leaves nothing behind.</summary>
public abstract class UnitOfWorkTests(StorageProvider provider)
{
    [Fact]
    public async Task An_extension_decision_broken_after_any_statement_changes_nothing()
    {
        var breaker = new BreakingObserver();
        await using var bot = await StartAsync(breaker);
        var occurrence = (await bot.OccurrencesAsync("report")).Single();
        bot.Clock.SetUtcNow(occurrence.Due - TimeSpan.FromHours(3));
        var actions = bot.Get<DeadlineActions>();
        var request = await actions.RequestExtensionAsync(occurrence, 1002, "waiting for data", TimeSpan.FromDays(1), CancellationToken.None);
        var before = await HalfWritten.SnapshotAsync(bot);

        var broken = await HalfWritten.BreakEveryStatementAsync(bot, breaker,
            async () => Assert.Equal(ExtensionOutcome.Approved, await actions.DecideExtensionAsync(request, 1001, false, true, CancellationToken.None)));

        Assert.True(broken >= 4, $"the decision ran only {broken + 1} statements");
        Assert.NotEqual(before, await HalfWritten.SnapshotAsync(bot));
        Assert.Equal(occurrence.Due + TimeSpan.FromDays(1), (await bot.OccurrencesAsync("report")).Single().Due);
    }

    [Theory]
    [InlineData("2026-12-04T17:00", "remind: [1d, 2h, 0m]", "cancelled,open")] // new dates: the open occurrence is cancelled, a new one planned
    [InlineData("2026-12-03T17:00", "remind: [3h]", "open")] // a new ladder: the occurrence's steps are planned again
    [InlineData(null, null, "cancelled")] // the deadline left the file
    public async Task A_plan_broken_after_any_statement_leaves_the_previous_plan(string? due, string? ladder, string states)
    {
        var breaker = new BreakingObserver();
        await using var bot = await StartAsync(breaker);
        bot.Clock.SetUtcNow(DeadlineFlowTests.Start + TimeSpan.FromHours(1));
        var edited = due is null
            ? DeadlineFlowTests.Yaml[..DeadlineFlowTests.Yaml.IndexOf("deadlines:", StringComparison.Ordinal)]
            : DeadlineFlowTests.Yaml.Replace("2026-12-03T17:00", due, StringComparison.Ordinal).Replace("remind: [1d, 2h, 0m]", ladder, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(bot.Directory, "deadlines.yaml"), edited);
        bot.Get<DeadlineConfigSource>().Load();
        var planner = bot.Get<DeadlinePlanner>();

        var broken = await HalfWritten.BreakEveryStatementAsync(bot, breaker, () => planner.PlanAsync(CancellationToken.None));

        Assert.True(broken >= 3, $"the plan ran only {broken + 1} statements");
        Assert.Equal(states, string.Join(",", (await bot.Get<OccurrenceStore>().ListOfDeadlineAsync("report", CancellationToken.None)).Select(o => o.State)));
        var cancelled = await bot.ScalarAsync("SELECT COUNT(*) FROM occurrence_events WHERE kind = 'cancelled'");
        Assert.Equal(states.Split(',').Count(s => s == "cancelled"), cancelled);
        var before = await HalfWritten.SnapshotAsync(bot);
        await planner.PlanAsync(CancellationToken.None);
        Assert.Equal(before, await HalfWritten.SnapshotAsync(bot));
    }

    private Task<WorkerServices> StartAsync(BreakingObserver breaker) =>
        WorkerServices.StartAsync(DeadlineFlowTests.Yaml, DeadlineFlowTests.Start, s => s.AddSingleton<IStatementObserver>(breaker), provider);
}

public sealed class UnitOfWorkTestsOnSqlite() : UnitOfWorkTests(StorageProvider.Sqlite);

public sealed class UnitOfWorkTestsOnPostgres() : UnitOfWorkTests(StorageProvider.Postgres);
