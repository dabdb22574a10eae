using Bot.Worker.Deadlines;
using Quartz;

namespace Bot.Tests.Unit.Deadlines;

/// <summary>Due times and reminder ladders in IANA zones: one-off, cron, window; DST; month end; business days.</summary>
public sealed class DeadlineCalendarTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly HashSet<DateOnly> NoHolidays = [];

    [Fact]
    public void A_one_off_ladder_counts_back_from_the_local_due_time()
    {
        var d = Deadline(DeadlineKind.OneOff, Shanghai, due: new DateTime(2012, 2, 17, 17, 0, 0), remind: ["3d", "1d", "2h", "0m"], escalateAfter: "1h", escalateEvery: "4h");

        var steps = DeadlineCalendar.Steps(d, DeadlineCalendar.OneOffDue(d)).ToDictionary(s => s.Name);

        Assert.Equal(Utc(2012, 2, 14, 9, 0), steps["remind:3d"].At);
        Assert.Equal(Utc(2012, 2, 16, 9, 0), steps["remind:1d"].At);
        Assert.Equal(Utc(2012, 2, 17, 7, 0), steps["remind:2h"].At);
        Assert.Equal(Utc(2012, 2, 17, 9, 0), steps["remind:0m"].At);
        Assert.Equal(Utc(2012, 2, 17, 9, 0), steps["due"].At);
        Assert.Equal((Utc(2012, 2, 17, 10, 0), TimeSpan.FromHours(4)), (steps["escalate"].At, steps["escalate"].RepeatEvery));
    }

    [Fact]
    public void A_cron_deadline_on_a_weekend_moves_to_the_friday_before()
    {
        var d = Deadline(DeadlineKind.Recurring, Shanghai, cron: "0 0 17 10 * ?", shift: true, remind: ["5d", "1d", "3h"]);

        var dues = DeadlineCalendar.RecurringDues(d, NoHolidays, Utc(2026, 12, 1, 0, 0)).Take(3).ToList();

        // 10 Dec 2026 is a Thursday, 10 Jan 2027 a Sunday (-> Fri 8 Jan), 10 Feb 2027 a Wednesday.
        Assert.Equal([Utc(2026, 12, 10, 9, 0), Utc(2027, 1, 8, 9, 0), Utc(2027, 2, 10, 9, 0)], dues);
        Assert.Equal(Utc(2027, 1, 3, 9, 0), DeadlineCalendar.Steps(d, dues[1]).Single(s => s.Name == "remind:5d").At);
    }

    [Fact]
    public void Holidays_are_skipped_like_weekends()
    {
        var d = Deadline(DeadlineKind.Recurring, Shanghai, cron: "0 0 17 10 * ?", shift: true);
        HashSet<DateOnly> holidays = [new(2026, 12, 10), new(2026, 12, 9)];

        Assert.Equal(Utc(2026, 12, 8, 9, 0), DeadlineCalendar.RecurringDues(d, holidays, Utc(2026, 12, 1, 0, 0)).First());
    }

    [Fact]
    public void A_window_is_due_its_length_after_opening_and_skips_reminders_before_it_opened()
    {
        var d = Deadline(DeadlineKind.Window, Shanghai, window: "24h", remind: ["36h", "12h", "2h"]);
        var opened = Utc(2026, 11, 24, 8, 0);

        var due = DeadlineCalendar.After(opened, d.Window!, d.TimeZone);
        var steps = DeadlineCalendar.Steps(d, due, opened);

        Assert.Equal(Utc(2026, 11, 25, 8, 0), due);
        Assert.Equal(["open", "remind:12h", "remind:2h", "due"], steps.Select(s => s.Name));
        Assert.Equal(Utc(2026, 11, 24, 20, 0), steps[1].At);
    }

    [Fact]
    public void A_reminder_in_the_spring_forward_gap_fires_once_at_the_next_valid_time()
    {
        // Berlin, 29 Mar 2026: 02:00 CET jumps to 03:00 CEST. A 1d reminder before 02:30 on the 30th lands in the gap.
        var d = Deadline(DeadlineKind.OneOff, Berlin, due: new DateTime(2026, 3, 30, 2, 30, 0), remind: ["1d"]);

        var reminder = DeadlineCalendar.Steps(d, DeadlineCalendar.OneOffDue(d)).Single(s => s.Name == "remind:1d");

        Assert.Equal(Utc(2026, 3, 29, 1, 0), reminder.At); // 03:00 CEST
    }

    [Fact]
    public void A_daily_0230_cron_fires_once_on_the_spring_forward_day_and_once_on_the_fall_back_day()
    {
        var d = Deadline(DeadlineKind.Recurring, Berlin, cron: "0 30 2 * * ?");

        var spring = DeadlineCalendar.RecurringDues(d, NoHolidays, Utc(2026, 3, 28, 12, 0)).Take(2).ToList();
        var autumn = DeadlineCalendar.RecurringDues(d, NoHolidays, Utc(2026, 10, 24, 12, 0)).Take(2).ToList();

        Assert.Equal([Utc(2026, 3, 29, 1, 0), Utc(2026, 3, 30, 0, 30)], spring);
        Assert.Equal([Utc(2026, 10, 25, 0, 30), Utc(2026, 10, 26, 1, 30)], autumn);
    }

    [Fact]
    public void A_due_time_repeated_at_fall_back_is_the_first_of_the_two()
    {
        var d = Deadline(DeadlineKind.OneOff, Berlin, due: new DateTime(2026, 10, 25, 2, 30, 0), remind: ["1h"]);

        var due = DeadlineCalendar.OneOffDue(d);

        Assert.Equal(Utc(2026, 10, 25, 0, 30), due);
        Assert.Equal(Utc(2026, 10, 24, 23, 30), DeadlineCalendar.Steps(d, due).Single(s => s.Name == "remind:1h").At);
    }

    [Fact]
    public void A_day_is_a_calendar_day_across_dst_and_exactly_24_hours_in_shanghai()
    {
        // Berlin's clocks spring forward in the night before 29 Mar 2026: that calendar day has 23 hours.
        var berlin = Deadline(DeadlineKind.OneOff, Berlin, due: new DateTime(2026, 3, 29, 17, 0, 0), remind: ["1d"]);
        var shanghai = Deadline(DeadlineKind.OneOff, Shanghai, due: new DateTime(2026, 3, 30, 17, 0, 0), remind: ["1d"]);

        var berlinDue = DeadlineCalendar.OneOffDue(berlin);
        var shanghaiDue = DeadlineCalendar.OneOffDue(shanghai);

        Assert.Equal(TimeSpan.FromHours(23), berlinDue - DeadlineCalendar.Steps(berlin, berlinDue).Single(s => s.Name == "remind:1d").At);
        Assert.Equal(TimeSpan.FromHours(24), shanghaiDue - DeadlineCalendar.Steps(shanghai, shanghaiDue).Single(s => s.Name == "remind:1d").At);
    }

    [Fact]
    public void A_cron_on_the_31st_skips_shorter_months_and_L_means_the_last_day()
    {
        var on31 = Deadline(DeadlineKind.Recurring, Shanghai, cron: "0 0 17 31 * ?");
        var last = Deadline(DeadlineKind.Recurring, Shanghai, cron: "0 0 17 L * ?");

        Assert.Equal([Utc(2027, 1, 31, 9, 0), Utc(2027, 3, 31, 9, 0), Utc(2027, 5, 31, 9, 0)],
            DeadlineCalendar.RecurringDues(on31, NoHolidays, Utc(2027, 1, 1, 0, 0)).Take(3));
        Assert.Equal([Utc(2027, 2, 28, 9, 0), Utc(2028, 2, 29, 9, 0)],
            DeadlineCalendar.RecurringDues(last, NoHolidays, Utc(2027, 1, 1, 0, 0)).Where(d => d.Month == 2).Take(2));
    }

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    private static DeadlineDefinition Deadline(DeadlineKind kind, TimeZoneInfo zone, DateTime? due = null, string? cron = null, bool shift = false,
        string? window = null, string[]? remind = null, string? escalateAfter = null, string? escalateEvery = null) =>
        new("d", "Title", "team", kind, due, cron is null ? null : new CronExpression(cron), shift, window is null ? null : Durations.Parse(window),
            (remind ?? []).Select(r => Durations.Parse(r)!).OrderByDescending(r => r.Approximate).ToList(),
            escalateAfter is null ? null : Durations.Parse(escalateAfter), escalateEvery is null ? null : Durations.Parse(escalateEvery),
            "deadline-reminder", "deadline-overdue", zone);
}
