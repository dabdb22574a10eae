using System.Net;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Bot.Worker.Deadlines;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Integration.Web;

/// <summary><c>GET /teams/{team}/calendar.ics?key=...</c> served by the running worker.</summary>
public abstract class CalendarFeedTests(StorageProvider provider)
{
    [Fact]
    public async Task The_feed_parses_lists_the_teams_occurrences_in_utc_half_an_hour_long_and_answers_404_to_any_other_key()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = RepoPaths.NewTempDirectory("bot-ical");
        await File.WriteAllTextAsync(Path.Combine(directory, "deadlines.yaml"), """
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
              - id: elsewhere
                title: Not ours
                team: other
                due: 2026-12-01T09:00
            """);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
        await using var bot = await BotUnderTest.StartAsync(provider, server, s =>
        {
            s.TimeProvider = clock;
            s.Configuration["Bot:DeadlinesFile"] = Path.Combine(directory, "deadlines.yaml");
        }, directory);
        var keys = bot.Get<TeamCalendarKeys>();
        var key = (await keys.GetOrCreateAsync("netsec", CancellationToken.None))!;
        using var http = new HttpClient { BaseAddress = bot.WebAddress };

        using var response = await http.GetAsync(new Uri($"/teams/netsec/calendar.ics?key={Uri.EscapeDataString(key)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var events = calendar.Events.OrderBy(e => e.DtStart!.AsUtc).ToList();
        Assert.Equal(6, events.Count); // 10 Dec (planned), 25 Dec (one-off), then the next 4 monthly dates
        Assert.Equal(new DateTime(2026, 12, 10, 9, 0, 0, DateTimeKind.Utc), events[0].DtStart!.AsUtc);
        Assert.True(events[0].DtStart!.IsUtc);
        // Half an hour from the due time, so calendar apps show a block, not a zero-length line.
        Assert.All(events, e => Assert.Equal(e.DtStart!.AsUtc.AddMinutes(30), e.DtEnd!.AsUtc));
        Assert.Equal("monthly-work-report@2026-12-10T17:00", events[0].Uid);
        Assert.Equal("Hand in the work plan", events[1].Summary);
        Assert.Contains("Network security team", events[1].Description, StringComparison.Ordinal);
        Assert.DoesNotContain(events, e => e.Summary == "Not ours");

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(http, "/teams/netsec/calendar.ics?key=wrong"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(http, "/teams/netsec/calendar.ics"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(http, $"/teams/other/calendar.ics?key={Uri.EscapeDataString(key)}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(http, $"/teams/nope/calendar.ics?key={Uri.EscapeDataString(key)}"));

        var rotated = (await keys.RotateAsync("netsec", 1001, CancellationToken.None))!;
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(http, $"/teams/netsec/calendar.ics?key={Uri.EscapeDataString(key)}"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, $"/teams/netsec/calendar.ics?key={Uri.EscapeDataString(rotated)}"));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }
}

public sealed class CalendarFeedTestsOnSqlite() : CalendarFeedTests(StorageProvider.Sqlite);

public sealed class CalendarFeedTestsOnPostgres() : CalendarFeedTests(StorageProvider.Postgres);
