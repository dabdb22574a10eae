using Bot.Tests.Unit.Support;
using Bot.Worker.Deadlines;
using Bot.Worker.Storage;
using Bot.Worker.Web;
using Dapper;

namespace Bot.Tests.Unit.Deadlines;

/// <summary>A team's iCal feed: its keys and what it lists.</summary>
public sealed class TeamCalendarTests
{
    // 2026-11-24 10:00 in Shanghai.
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    private const string Yaml = """
        time_zone: Asia/Shanghai
        teams:
          - id: netsec
            name: Network security team
            lead: 1001
            members: [1001]
          - id: other
            name: Other team
            lead: 2001
            members: [2001]
        deadlines:
          - id: monthly-work-report
            title: Written report of last month's work
            team: netsec
            cron: "0 0 17 10 * ?"
            remind: [1d]
          - id: plan
            title: Hand in the work plan
            team: netsec
            due: 2026-12-25T17:00
            remind: [1d]
          - id: elsewhere
            title: Not ours
            team: other
            due: 2026-12-01T09:00
        """;

    [Fact]
    public async Task A_key_is_created_once_and_a_rotation_replaces_it_with_an_audit_entry()
    {
        await using var bot = await WorkerServices.StartAsync(Yaml, Now);
        var keys = bot.Get<TeamCalendarKeys>();

        var key = await keys.GetOrCreateAsync("netsec", CancellationToken.None);
        Assert.NotNull(key);
        Assert.True(key.Length >= 40);
        Assert.Equal(key, await keys.GetOrCreateAsync("netsec", CancellationToken.None));
        Assert.Null(await keys.GetOrCreateAsync("nope", CancellationToken.None));
        Assert.True(await keys.IsValidAsync("netsec", key, CancellationToken.None));
        Assert.False(await keys.IsValidAsync("other", key, CancellationToken.None));
        Assert.False(await keys.IsValidAsync("netsec", null, CancellationToken.None));

        var rotated = await keys.RotateAsync("netsec", 9, CancellationToken.None);

        Assert.NotEqual(key, rotated);
        Assert.False(await keys.IsValidAsync("netsec", key, CancellationToken.None));
        Assert.True(await keys.IsValidAsync("netsec", rotated, CancellationToken.None));
        Assert.Null(await keys.RotateAsync("nope", 9, CancellationToken.None));
        await using var connection = await bot.Get<IDatabase>().OpenAsync(CancellationToken.None);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE user_id = 9 AND action = 'calendar-key-rotate' AND detail = 'netsec'"));
    }

    [Fact]
    public async Task The_feed_lists_the_teams_open_and_coming_occurrences_in_utc_with_stable_ids()
    {
        await using var bot = await WorkerServices.StartAsync(Yaml, Now);

        var entries = await bot.Get<TeamCalendar>().UpcomingAsync("netsec", CancellationToken.None);

        // Planned: 10 Dec (the planner's 35 days) and the one-off; computed: the next dates up to 5 ahead.
        Assert.Equal(
            [
                new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 12, 25, 9, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2027, 1, 10, 9, 0, 0, TimeSpan.Zero),
            ],
            entries.Take(3).Select(e => e.Due));
        Assert.Equal(6, entries.Count);
        Assert.Equal(entries.Count, entries.Select(e => e.Uid).Distinct().Count());
        Assert.Equal("monthly-work-report@2026-12-10T17:00", entries[0].Uid);
        Assert.DoesNotContain(entries, e => e.Summary == "Not ours");
        Assert.Contains("/done", entries[0].Description, StringComparison.Ordinal);

        var ics = CalendarFeed.Serialize("netsec", entries, Now);
        var parsed = Ical.Net.Calendar.Load(ics)!;
        Assert.Equal(entries.Select(e => e.Uid), parsed.Events.Select(e => e.Uid));
        Assert.Contains("DTSTART:20261210T090000Z", ics, StringComparison.Ordinal);
        Assert.Equal(entries.Select(e => e.Uid), (await bot.Get<TeamCalendar>().UpcomingAsync("netsec", CancellationToken.None)).Select(e => e.Uid));
    }
}
