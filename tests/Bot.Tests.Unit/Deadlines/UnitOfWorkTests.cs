using Bot.Tests.Unit.Support;
using Bot.Worker.Deadlines;
using Bot.Worker.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Unit.Deadlines;

/// <summary>A change that touches several rows commits once: broken half-way, it leaves nothing behind.</summary>
public sealed class UnitOfWorkTests
{
    [Fact]
    public async Task An_extension_decision_broken_after_any_statement_changes_nothing()
    {
        var breaker = new BreakingObserver();
        await using var bot = await WorkerServices.StartAsync(DeadlineFlowTests.Yaml, DeadlineFlowTests.Start, s => s.AddSingleton<IStatementObserver>(breaker));
        var occurrence = (await bot.OccurrencesAsync("report")).Single();
        bot.Clock.SetUtcNow(occurrence.Due - TimeSpan.FromHours(3));
        var actions = bot.Get<DeadlineActions>();
        var request = await actions.RequestExtensionAsync(occurrence, 1002, "waiting for data", TimeSpan.FromDays(1), CancellationToken.None);
        var before = await SnapshotAsync(bot);
        var triggersBefore = bot.Steps.Scheduled.ToDictionary(p => p.Key, p => p.Value);

        var broken = 0;
        for (var after = 1; ; after++)
        {
            breaker.BreakAfter(after);
            try
            {
                Assert.Equal(ExtensionOutcome.Approved, await actions.DecideExtensionAsync(request, 1001, false, true, CancellationToken.None));
                break;
            }
            catch (InvalidOperationException ex) when (ex.Message.StartsWith("injected", StringComparison.Ordinal))
            {
                broken++;
                Assert.Equal(before, await SnapshotAsync(bot));
                Assert.Equal(triggersBefore, bot.Steps.Scheduled.ToDictionary(p => p.Key, p => p.Value));
            }
        }

        Assert.True(broken >= 4, $"the decision ran only {broken + 1} statements");
        Assert.NotEqual(before, await SnapshotAsync(bot));
        Assert.Equal(occurrence.Due + TimeSpan.FromDays(1), (await bot.OccurrencesAsync("report")).Single().Due);
    }

    private static async Task<string> SnapshotAsync(WorkerServices bot)
    {
        var db = bot.Get<IDatabase>();
        var parts = new List<string>();
        foreach (var sql in new[]
        {
            "SELECT state FROM extension_requests",
            "SELECT CAST(due_at AS TEXT) FROM occurrences",
            "SELECT step || '=' || state || '@' || CAST(fire_at AS TEXT) FROM occurrence_steps ORDER BY step",
            "SELECT kind FROM occurrence_events ORDER BY id",
            "SELECT idem_key FROM outbox ORDER BY id",
        })
        {
            parts.Add(string.Join(",", await db.QueryAsync<string>(sql, null, CancellationToken.None)));
        }
        return string.Join(" | ", parts);
    }
}
