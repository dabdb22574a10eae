using Bot.Tests.Unit.Support;
using Bot.Worker.Deadlines;

namespace Bot.Tests.Unit.Deadlines;

/// <summary>What the console reads of an occurrence: its evidence, and its row in the team's CSV export.</summary>
public sealed class EvidenceTests
{
    [Fact]
    public async Task The_evidence_has_reminders_with_their_version_snoozes_extensions_and_who_closed_it_and_the_export_counts_them()
    {
        await using var bot = await WorkerServices.StartAsync(DeadlineFlowTests.Yaml, DeadlineFlowTests.Start);
        var occurrence = (await bot.OccurrencesAsync("report")).Single();
        var actions = bot.Get<DeadlineActions>();
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero)); // the 1d reminder
        await bot.RunDueStepsAsync();
        await actions.SnoozeAsync(occurrence, 1002, TimeSpan.FromHours(1), CancellationToken.None);
        var request = await actions.RequestExtensionAsync(occurrence, 1002, "waiting for data", TimeSpan.FromDays(1), CancellationToken.None);
        await actions.DecideExtensionAsync(request, 1001, false, false, CancellationToken.None);
        Assert.True((await actions.DoneAsync(occurrence, 1002, CancellationToken.None)).Closed);

        var evidence = (await bot.Get<EvidenceService>().ForAsync(occurrence.Id, CancellationToken.None))!;

        Assert.Equal([1001L, 1002L], evidence.Reminders.Select(r => r.ChatId!.Value).Order());
        Assert.All(evidence.Reminders, r => Assert.Equal(1, r.TemplateVersion));
        Assert.Equal(1002, Assert.Single(evidence.Snoozes).UserId);
        var extension = Assert.Single(evidence.Extensions);
        Assert.Equal(("waiting for data", "denied", 1001L), (extension.Reason, extension.State, extension.DecidedBy!.Value));
        Assert.Equal(OccurrenceState.Done, evidence.Occurrence.State);
        Assert.Equal(1002, evidence.Occurrence.ClosedBy);
        Assert.Equal("Network security team", evidence.TeamName);
        Assert.Null(await bot.Get<EvidenceService>().ForAsync(occurrence.Id + 100, CancellationToken.None));

        var csv = await bot.Get<OccurrenceExport>().CsvAsync("netsec", new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 3), 1001, CancellationToken.None);
        var lines = csv.Split("\r\n");
        Assert.Equal(3, lines.Length);
        Assert.Equal(
            $"\"{occurrence.Id}\",\"report\",\"Report the suspension results\",\"\",\"2026-12-03 17:00\",\"2026-12-03T09:00:00Z\",\"done\",\"1002\",\"2026-12-02 17:00\",\"2\",\"1\",\"0\"",
            lines[1]);
        var none = await bot.Get<OccurrenceExport>().CsvAsync("netsec", new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 31), 1001, CancellationToken.None);
        Assert.Equal(2, none.Split("\r\n").Length); // the header only
    }
}
