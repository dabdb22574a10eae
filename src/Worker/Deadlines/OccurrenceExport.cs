using System.Globalization;
using Bot.Worker.Audit;
using Bot.Worker.Common;

namespace Bot.Worker.Deadlines;

/// <summary>
/// A team's occurrences due in a date range (both days included, on deadlines.yaml's wall clock) as CSV for an
/// admin: due time, state, who closed it and when, reminders sent, extensions. The export is audited.
/// </summary>
internal sealed class OccurrenceExport(EvidenceStore evidence, DeadlineConfigSource config, AuditStore audit)
{
    public const string Action = "deadlines-export";

    public static readonly IReadOnlyList<string> Header =
    [
        "occurrence", "deadline", "title", "ref", "due", "due_utc", "state", "closed_by", "closed_at", "reminders_sent", "extensions_requested", "extensions_approved",
    ];

    public async Task<string> CsvAsync(string teamId, DateOnly from, DateOnly to, long adminId, CancellationToken ct)
    {
        var zone = config.Current.TimeZone;
        var rows = await evidence.ExportOfTeamAsync(teamId,
            LocalTime.ToInstant(from.ToDateTime(TimeOnly.MinValue), zone), LocalTime.ToInstant(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone), ct);
        await audit.WriteAsync(adminId, Action, $"{teamId} {Day(from)}..{Day(to)} ({Number(rows.Count)} rows)", allowed: true, ct);
        var csv = new CsvWriter().WriteRecord(Header);
        foreach (var r in rows)
        {
            var due = DateTimeOffset.FromUnixTimeMilliseconds(r.DueAt);
            csv.WriteRecord(
                Number(r.Id), r.DeadlineId, r.Title, r.Ref, LocalTime.Text(due, zone), due.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                r.State, r.ClosedBy is { } by ? Number(by) : "", r.ClosedAt is { } at ? LocalTime.Text(DateTimeOffset.FromUnixTimeMilliseconds(at), zone) : "",
                Number(r.RemindersSent), Number(r.ExtensionsRequested), Number(r.ExtensionsApproved));
        }
        return csv.ToString();
    }

    /// <summary>The download's file name.</summary>
    public static string FileName(string teamId, DateOnly from, DateOnly to) => $"deadlines-{teamId}-{Day(from)}-{Day(to)}.csv";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
