using Bot.Worker.Deadlines;
using Bot.Worker.Web;

namespace Bot.Tests.Unit.Web;

public sealed class CalendarFeedTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_event_starts_at_its_due_time_and_ends_thirty_minutes_later_in_utc()
    {
        var due = new DateTimeOffset(2026, 12, 10, 17, 0, 0, TimeSpan.FromHours(8));
        var entry = new CalendarEntry("monthly-work-report@2026-12-10T17:00", "Written report", due, "netsec");

        var ics = CalendarFeed.Serialize("netsec", [entry], Now);

        Assert.Contains("DTSTART:20261210T090000Z", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND:20261210T093000Z", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("DURATION", ics, StringComparison.Ordinal);
        var parsed = Assert.Single(Ical.Net.Calendar.Load(ics)!.Events);
        Assert.Equal(due.UtcDateTime, parsed.DtStart!.AsUtc);
        Assert.Equal(due.UtcDateTime.AddMinutes(30), parsed.DtEnd!.AsUtc);
        Assert.True(parsed.DtEnd.IsUtc);
    }
}
