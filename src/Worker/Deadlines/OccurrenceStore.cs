using Bot.Worker.Storage;
using Dapper;

namespace Bot.Worker.Deadlines;

/// <summary>Occurrences, their steps and their evidence.</summary>
internal sealed class OccurrenceStore(IDatabase database, TimeProvider clock)
{
    private const string Columns = """
        id, deadline_id AS DeadlineId, occurrence_key AS OccurrenceKey, team_id AS TeamId, title, ref, due_at AS DueAt,
        original_due_at AS OriginalDueAt, opened_at AS OpenedAt, state, closed_by AS ClosedBy, closed_at AS ClosedAt
        """;

    private const string StepColumns = "occurrence_id AS OccurrenceId, step, fire_at AS FireAt, interval_ms AS IntervalMs, state, fired_count AS FiredCount";

    /// <summary>Creates the occurrence with its steps unless its key exists; returns it and whether it is new.</summary>
    public async Task<(Occurrence Occurrence, bool Created)> CreateAsync(Occurrence occurrence, IEnumerable<(PlannedStep Step, string State)> steps, CancellationToken ct)
    {
        var now = clock.NowMs();
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition($"""
            INSERT INTO occurrences (deadline_id, occurrence_key, team_id, title, ref, due_at, original_due_at, opened_at, state, created_at, updated_at)
            VALUES (@DeadlineId, @OccurrenceKey, @TeamId, @Title, @Ref, @DueAt, @DueAt, @OpenedAt, @State, @now, @now)
            ON CONFLICT (occurrence_key) DO NOTHING RETURNING id
            """, new { occurrence.DeadlineId, occurrence.OccurrenceKey, occurrence.TeamId, occurrence.Title, occurrence.Ref, occurrence.DueAt, occurrence.OpenedAt, occurrence.State, now }, tx, cancellationToken: ct));
        if (id is { } newId)
        {
            foreach (var (step, state) in steps)
            {
                await connection.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO occurrence_steps (occurrence_id, step, fire_at, interval_ms, state) VALUES (@newId, @Name, @at, @interval, @state)
                    """, new { newId, step.Name, at = step.At.ToMs(), interval = (long?)step.RepeatEvery?.TotalMilliseconds, state }, tx, cancellationToken: ct));
            }
        }
        var stored = await connection.QuerySingleAsync<Occurrence>(new CommandDefinition(
            $"SELECT {Columns} FROM occurrences WHERE occurrence_key = @OccurrenceKey", new { occurrence.OccurrenceKey }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return (stored, id is not null);
    }

    public async Task<Occurrence?> FindAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Occurrence>(new CommandDefinition($"SELECT {Columns} FROM occurrences WHERE id = @id", new { id }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<Occurrence>> ListAsync(string where, object args, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<Occurrence>(new CommandDefinition($"SELECT {Columns} FROM occurrences WHERE {where}", args, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<StepRow>> StepsAsync(long occurrenceId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<StepRow>(new CommandDefinition(
            $"SELECT {StepColumns} FROM occurrence_steps WHERE occurrence_id = @occurrenceId ORDER BY fire_at", new { occurrenceId }, cancellationToken: ct))).AsList();
    }

    public Task UpsertStepAsync(long occurrenceId, PlannedStep step, string state, CancellationToken ct) => ExecuteAsync("""
        INSERT INTO occurrence_steps (occurrence_id, step, fire_at, interval_ms, state) VALUES (@occurrenceId, @Name, @at, @interval, @state)
        ON CONFLICT (occurrence_id, step) DO UPDATE SET fire_at = excluded.fire_at, interval_ms = excluded.interval_ms, state = excluded.state
        """, new { occurrenceId, step.Name, at = step.At.ToMs(), interval = (long?)step.RepeatEvery?.TotalMilliseconds, state }, ct);

    public Task SetStepStateAsync(long occurrenceId, string step, string state, string? note, CancellationToken ct) => ExecuteAsync(
        "UPDATE occurrence_steps SET state = @state, note = @note, last_fired_at = @now, fired_count = fired_count + CASE WHEN @state = 'sent' THEN 1 ELSE 0 END WHERE occurrence_id = @occurrenceId AND step = @step",
        new { occurrenceId, step, state, note, now = clock.NowMs() }, ct);

    /// <summary>A repeating step fired once more; returns its new count.</summary>
    public async Task<int> CountFiringAsync(long occurrenceId, string step, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "UPDATE occurrence_steps SET fired_count = fired_count + 1, last_fired_at = @now WHERE occurrence_id = @occurrenceId AND step = @step RETURNING fired_count",
            new { occurrenceId, step, now = clock.NowMs() }, cancellationToken: ct));
    }

    /// <summary>Cancels the steps not yet done.</summary>
    public Task CancelStepsAsync(long occurrenceId, CancellationToken ct) => ExecuteAsync(
        "UPDATE occurrence_steps SET state = 'cancelled' WHERE occurrence_id = @occurrenceId AND state = 'scheduled'", new { occurrenceId }, ct);

    /// <summary>Moves the occurrence from open to <paramref name="state"/>; false if it was not open (someone else closed it first).</summary>
    public async Task<bool> CloseAsync(long id, string state, long? by, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var now = clock.NowMs();
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE occurrences SET state = @state, closed_by = @by, closed_at = @now, updated_at = @now WHERE id = @id AND state = 'open'",
            new { id, state, by, now }, cancellationToken: ct)) == 1;
    }

    public Task SetDueAsync(long id, DateTimeOffset due, CancellationToken ct) => ExecuteAsync(
        "UPDATE occurrences SET due_at = @due, updated_at = @now WHERE id = @id", new { id, due = due.ToMs(), now = clock.NowMs() }, ct);

    public Task AddEventAsync(long occurrenceId, string kind, long? userId, long? chatId = null, string? step = null, int? templateVersion = null, string? detail = null, CancellationToken ct = default) =>
        AddEventsAsync([new OccurrenceEvent(occurrenceId, kind, userId, chatId, step, templateVersion, detail)], ct);

    /// <summary>Records several events (a reminder to a whole team, say) in one statement.</summary>
    public async Task AddEventsAsync(IReadOnlyCollection<OccurrenceEvent> events, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return;
        }
        var now = clock.NowMs();
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO occurrence_events (occurrence_id, at, kind, user_id, chat_id, step, template_version, detail)
            VALUES (@OccurrenceId, @now, @Kind, @UserId, @ChatId, @Step, @TemplateVersion, @Detail)
            """, events.Select(e => new { e.OccurrenceId, now, e.Kind, e.UserId, e.ChatId, e.Step, e.TemplateVersion, e.Detail }), cancellationToken: ct));
    }

    public async Task<ExtensionRequest?> FindExtensionAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ExtensionRequest>(new CommandDefinition(
            "SELECT id, occurrence_id AS OccurrenceId, user_id AS UserId, extension_ms AS ExtensionMs, state FROM extension_requests WHERE id = @id",
            new { id }, cancellationToken: ct));
    }

    /// <summary>Users of the occurrence whose snooze has not ended: the team's reminders skip them until it does.</summary>
    public async Task<IReadOnlyList<long>> ListSnoozedAsync(long occurrenceId, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT user_id FROM snoozes WHERE occurrence_id = @occurrenceId AND until > @now", new { occurrenceId, now = now.ToMs() }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<DeadlinePlan>> ListPlansAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<DeadlinePlan>(new CommandDefinition(
            "SELECT deadline_id AS DeadlineId, fingerprint, planned_through AS PlannedThrough FROM deadline_plans", cancellationToken: ct))).AsList();
    }

    public Task SavePlanAsync(string deadlineId, string fingerprint, DateTimeOffset through, CancellationToken ct) => ExecuteAsync("""
        INSERT INTO deadline_plans (deadline_id, fingerprint, planned_through) VALUES (@deadlineId, @fingerprint, @through)
        ON CONFLICT (deadline_id) DO UPDATE SET fingerprint = excluded.fingerprint, planned_through = excluded.planned_through
        """, new { deadlineId, fingerprint, through = through.ToMs() }, ct);

    public Task DeletePlanAsync(string deadlineId, CancellationToken ct) =>
        ExecuteAsync("DELETE FROM deadline_plans WHERE deadline_id = @deadlineId", new { deadlineId }, ct);

    public Task<T?> ScalarAsync<T>(string sql, object args, CancellationToken ct) => database.ScalarAsync<T>(sql, args, ct);

    public Task<int> ExecuteAsync(string sql, object args, CancellationToken ct) => database.ExecuteAsync(sql, args, ct);
}
