using Bot.Worker.Deadlines;
using Bot.Worker.Web.Pages.Deadlines;

namespace Bot.Tests.Unit.Web;

public sealed class MonthGridTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void A_month_is_whole_weeks_from_monday_with_each_occurrence_on_its_local_day()
    {
        // 2026-12-09 23:30 UTC is the 10th at 07:30 in Shanghai.
        var due = new ScheduledOccurrence(1, "monthly@2026-12-10T07:30", "Monthly report", new DateTimeOffset(2026, 12, 9, 23, 30, 0, TimeSpan.Zero), "open");

        var grid = MonthGrid.Of(new DateOnly(2026, 12, 1), [due], Shanghai);

        Assert.Equal(5, grid.Weeks.Count);
        Assert.All(grid.Weeks, w => Assert.Equal(7, w.Count));
        Assert.Equal(new DateOnly(2026, 11, 30), grid.Weeks[0][0].Date); // the Monday before Tuesday 1 December
        Assert.False(grid.Weeks[0][0].InMonth);
        Assert.Equal(new DateOnly(2027, 1, 3), grid.Weeks[^1][^1].Date);
        var tenth = grid.Weeks.SelectMany(w => w).Single(d => d.Date == new DateOnly(2026, 12, 10));
        Assert.Equal([due], tenth.Due);
        Assert.Equal(new DateOnly(2026, 11, 1), grid.Previous);
        Assert.Equal(new DateOnly(2027, 1, 1), grid.Next);
    }
}
