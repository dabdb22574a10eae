using Bot.Worker.Common;
using Bot.Worker.Deadlines;

namespace Bot.Worker.Web.Pages.Deadlines;

/// <summary>A month as weeks of seven days, Monday first, each day with the occurrences due on it (wall clock of <paramref name="Zone"/>).</summary>
internal sealed record MonthGrid(DateOnly First, IReadOnlyList<IReadOnlyList<MonthGrid.Day>> Weeks, TimeZoneInfo Zone)
{
    public sealed record Day(DateOnly Date, bool InMonth, IReadOnlyList<ScheduledOccurrence> Due);

    public DateOnly Previous => First.AddMonths(-1);

    public DateOnly Next => First.AddMonths(1);

    public static MonthGrid Of(DateOnly first, IEnumerable<ScheduledOccurrence> occurrences, TimeZoneInfo zone)
    {
        var byDay = occurrences.ToLookup(o => DateOnly.FromDateTime(LocalTime.ToLocal(o.Due, zone)));
        var start = first.AddDays(-(((int)first.DayOfWeek + 6) % 7)); // back to Monday
        var weeks = new List<IReadOnlyList<Day>>();
        for (var monday = start; monday < first.AddMonths(1); monday = monday.AddDays(7))
        {
            weeks.Add([.. Enumerable.Range(0, 7).Select(i => monday.AddDays(i)).Select(d => new Day(d, d.Month == first.Month, [.. byDay[d]]))]);
        }
        return new MonthGrid(first, weeks, zone);
    }
}
