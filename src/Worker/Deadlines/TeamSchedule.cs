using Bot.Worker.Common;

namespace Bot.Worker.Deadlines;

/// <summary>
/// A team's occurrences for the console: the next ones (<see cref="TeamCalendar"/>, as in the iCal feed)
/// and a month of them in any state, on the wall clock of deadlines.yaml's time zone.
/// </summary>
internal sealed class TeamSchedule(OccurrenceStore occurrences, TeamCalendar calendar, DeadlineConfigSource config, TimeProvider clock)
{
    public IReadOnlyList<TeamDefinition> Teams => config.Current.Teams;

    /// <summary>The zone deadlines.yaml writes its times in; the console shows deadline times in it.</summary>
    public TimeZoneInfo TimeZone => config.Current.TimeZone;

    /// <summary>The first day of the current month in <see cref="TimeZone"/>.</summary>
    public DateOnly ThisMonth
    {
        get
        {
            var today = DateOnly.FromDateTime(LocalTime.ToLocal(clock.GetUtcNow(), TimeZone));
            return new DateOnly(today.Year, today.Month, 1);
        }
    }

    public TeamDefinition? Team(string? teamId) => teamId is null ? null : config.Current.Team(teamId);

    /// <summary>The open occurrences, then the next dates of recurring deadlines not planned yet, soonest first.</summary>
    public async Task<IReadOnlyList<ScheduledOccurrence>> UpcomingAsync(string teamId, CancellationToken ct)
    {
        var open = (await occurrences.ListOpenOfTeamAsync(teamId, ct)).ToDictionary(o => o.OccurrenceKey, StringComparer.Ordinal);
        return [.. (await calendar.UpcomingAsync(teamId, ct)).Select(e => open.TryGetValue(e.Uid, out var o)
            ? new ScheduledOccurrence(o.Id, o.OccurrenceKey, o.Title, o.Due, o.State)
            : new ScheduledOccurrence(null, e.Uid, e.Summary, e.Due, ScheduledOccurrence.Projected))];
    }

    /// <summary>The occurrences due in one month (any state), with the recurring dates of the upcoming list that fall in it.</summary>
    public async Task<IReadOnlyList<ScheduledOccurrence>> MonthAsync(string teamId, int year, int month, CancellationToken ct)
    {
        var first = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var (from, until) = (LocalTime.ToInstant(first, TimeZone), LocalTime.ToInstant(first.AddMonths(1), TimeZone));
        var stored = (await occurrences.ListOfTeamDueBetweenAsync(teamId, from, until, ct))
            .Select(o => new ScheduledOccurrence(o.Id, o.OccurrenceKey, o.Title, o.Due, o.State))
            .ToList();
        var keys = stored.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var projected = (await UpcomingAsync(teamId, ct)).Where(o => o.Id is null && o.Due >= from && o.Due < until && !keys.Contains(o.Key));
        return [.. stored.Concat(projected).OrderBy(o => o.Due).ThenBy(o => o.Key, StringComparer.Ordinal)];
    }
}
