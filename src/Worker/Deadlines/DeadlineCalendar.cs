using Bot.Worker.Common;
using Quartz;

namespace Bot.Worker.Deadlines;

/// <summary>
/// The times of a deadline, computed in its IANA zone: due instants (one-off, cron with the
/// business-day shift) and each occurrence's reminder ladder and escalation. Pure: no clock, no I/O.
/// </summary>
internal static class DeadlineCalendar
{
    public static DateTimeOffset OneOffDue(DeadlineDefinition d) => LocalTime.ToInstant(d.Due!.Value, d.TimeZone);

    /// <summary>Due instants of a recurring deadline strictly after <paramref name="after"/>, in order.</summary>
    public static IEnumerable<DateTimeOffset> RecurringDues(DeadlineDefinition d, IReadOnlySet<DateOnly> holidays, DateTimeOffset after)
    {
        var cron = new CronExpression(d.Cron!.CronExpressionString, d.TimeZone);
        var last = after;
        // A shifted occurrence lands before its cron time, so look back far enough to catch one that shifts past 'after'.
        var cursor = d.ShiftToBusinessDay ? after.AddDays(-31) : after;
        while (cron.GetNextValidTimeAfter(cursor) is { } next)
        {
            cursor = next;
            var due = d.ShiftToBusinessDay
                ? LocalTime.ToInstant(LocalTime.ShiftToBusinessDay(LocalTime.ToLocal(next, d.TimeZone), holidays), d.TimeZone)
                : next;
            if (due > last)
            {
                last = due;
                yield return due;
            }
        }
    }

    /// <summary>The instant <paramref name="offset"/> before <paramref name="due"/>: days as local calendar days, the rest as elapsed time.</summary>
    public static DateTimeOffset Before(DateTimeOffset due, LadderOffset offset, TimeZoneInfo zone) =>
        LocalTime.ToInstant(LocalTime.ToLocal(due, zone).AddDays(-offset.Days), zone) - offset.Rest;

    public static DateTimeOffset After(DateTimeOffset from, LadderOffset offset, TimeZoneInfo zone) =>
        LocalTime.ToInstant(LocalTime.ToLocal(from, zone).AddDays(offset.Days), zone) + offset.Rest;

    /// <summary>Every step of one occurrence due at <paramref name="due"/> (a window also gets an "open" step at <paramref name="openedAt"/>).</summary>
    public static IReadOnlyList<PlannedStep> Steps(DeadlineDefinition d, DateTimeOffset due, DateTimeOffset? openedAt = null)
    {
        var steps = new List<PlannedStep>();
        if (openedAt is { } opened)
        {
            steps.Add(new PlannedStep(StepName.Open, opened));
        }
        foreach (var remind in d.Remind)
        {
            var at = Before(due, remind, d.TimeZone);
            if (openedAt is null || at > openedAt)
            {
                steps.Add(new PlannedStep(StepName.Remind(remind.Text), at));
            }
        }
        steps.Add(new PlannedStep(StepName.Due, due));
        if (d.EscalateAfter is { } after)
        {
            steps.Add(new PlannedStep(StepName.Escalate, After(due, after, d.TimeZone), d.EscalateEvery?.Approximate));
        }
        return steps;
    }
}
