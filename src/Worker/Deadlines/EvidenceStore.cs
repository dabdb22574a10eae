using Bot.Worker.Storage;

namespace Bot.Worker.Deadlines;

/// <summary>Reads an occurrence's evidence (events, extension requests) and a team's export rows, for the console.</summary>
internal sealed class EvidenceStore(IDatabase database)
{
    /// <summary>Every evidence line of the occurrence, oldest first.</summary>
    public Task<IReadOnlyList<EvidenceEvent>> EventsOfAsync(long occurrenceId, CancellationToken ct) => database.QueryAsync<EvidenceEvent>("""
        SELECT id, at, kind, user_id AS UserId, chat_id AS ChatId, step, template_version AS TemplateVersion, detail
        FROM occurrence_events WHERE occurrence_id = @occurrenceId ORDER BY at, id
        """, new { occurrenceId }, ct);

    /// <summary>The occurrence's extension requests, oldest first.</summary>
    public Task<IReadOnlyList<ExtensionRecord>> ExtensionsOfAsync(long occurrenceId, CancellationToken ct) => database.QueryAsync<ExtensionRecord>("""
        SELECT id, user_id AS UserId, reason, extension_ms AS ExtensionMs, state, decided_by AS DecidedBy, decided_at AS DecidedAt, created_at AS CreatedAt
        FROM extension_requests WHERE occurrence_id = @occurrenceId ORDER BY created_at, id
        """, new { occurrenceId }, ct);

    /// <summary>A team's occurrences due in [<paramref name="from"/>, <paramref name="until"/>), by due time, with reminders and extensions counted.</summary>
    public Task<IReadOnlyList<ExportRow>> ExportOfTeamAsync(string teamId, DateTimeOffset from, DateTimeOffset until, CancellationToken ct) =>
        database.QueryAsync<ExportRow>("""
            SELECT o.id, o.deadline_id AS DeadlineId, o.title, o.ref, o.due_at AS DueAt, o.state, o.closed_by AS ClosedBy, o.closed_at AS ClosedAt,
                   (SELECT COUNT(*) FROM occurrence_events e WHERE e.occurrence_id = o.id AND e.kind = 'reminded') AS RemindersSent,
                   (SELECT COUNT(*) FROM extension_requests x WHERE x.occurrence_id = o.id) AS ExtensionsRequested,
                   (SELECT COUNT(*) FROM extension_requests x WHERE x.occurrence_id = o.id AND x.state = 'approved') AS ExtensionsApproved
            FROM occurrences o
            WHERE o.team_id = @teamId AND o.due_at >= @from AND o.due_at < @until
            ORDER BY o.due_at, o.id
            """, new { teamId, from = from.ToMs(), until = until.ToMs() }, ct);
}
