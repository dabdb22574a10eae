using System.Globalization;
using System.Text;

namespace Bot.Worker.Deadlines;

/// <summary>
/// A team's upcoming occurrences for its iCal feed: the open ones in the database (planned, or opened
/// windows; overdue ones stay until closed), then the next <see cref="RecurringAhead"/> due dates of each
/// recurring deadline that are not planned yet (computed like <c>deadlines next</c>). Closed occurrences
/// are left out. An entry's id is its occurrence key, so a planned date keeps its id in the feed.
/// </summary>
internal sealed class TeamCalendar(OccurrenceStore occurrences, DeadlineConfigSource config, TimeProvider clock)
{
    public const int RecurringAhead = 5;

    public async Task<IReadOnlyList<CalendarEntry>> UpcomingAsync(string teamId, CancellationToken ct)
    {
        var current = config.Current;
        var team = current.Team(teamId)?.Name ?? teamId;
        var entries = (await occurrences.ListOpenOfTeamAsync(teamId, ct))
            .Select(o => Entry(o.OccurrenceKey, o.Title, o.Due, o.DeadlineId, team, o.Ref, o.Id))
            .ToList();
        var known = (await occurrences.KeysOfTeamAsync(teamId, ct)).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        foreach (var d in current.Deadlines.Where(d => d.TeamId == teamId && d.Kind == DeadlineKind.Recurring))
        {
            foreach (var due in DeadlineCalendar.RecurringDues(d, current.Holidays, now).Take(RecurringAhead))
            {
                var key = DeadlinePlanner.Key(d, due);
                if (!known.Contains(key))
                {
                    entries.Add(Entry(key, d.Title, due, d.Id, team, null, null));
                }
            }
        }
        return [.. entries.OrderBy(e => e.Due).ThenBy(e => e.Uid, StringComparer.Ordinal)];
    }

    private static CalendarEntry Entry(string key, string title, DateTimeOffset due, string deadlineId, string team, string? reference, long? occurrence)
    {
        var description = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Deadline: {deadlineId}\nTeam: {team}");
        if (!string.IsNullOrEmpty(reference))
        {
            description.Append(CultureInfo.InvariantCulture, $"\nRef: {reference}");
        }
        if (occurrence is { } id)
        {
            description.Append(CultureInfo.InvariantCulture, $"\nMark it done: /done {id}");
        }
        return new CalendarEntry(key, string.IsNullOrEmpty(reference) ? title : $"{title} ({reference})", due, description.ToString());
    }
}
