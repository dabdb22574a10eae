using Bot.Worker.Storage;

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
    public Task<(Occurrence Occurrence, bool Created)> CreateAsync(Occurrence occurrence, IEnumerable<(PlannedStep Step, string State)> steps, CancellationToken ct) =>
        database.InTransactionAsync(async token =>
        {
            var now = clock.NowMs();
            var id = await database.ScalarAsync<long?>("""
                INSERT INTO occurrences (deadline_id, occurrence_key, team_id, title, ref, due_at, original_due_at, opened_at, state, created_at, updated_at)
                VALUES (@DeadlineId, @OccurrenceKey, @TeamId, @Title, @Ref, @DueAt, @DueAt, @OpenedAt, @State, @now, @now)
                ON CONFLICT (occurrence_key) DO NOTHING RETURNING id
                """, new { occurrence.DeadlineId, occurrence.OccurrenceKey, occurrence.TeamId, occurrence.Title, occurrence.Ref, occurrence.DueAt, occurrence.OpenedAt, occurrence.State, now }, token);
            if (id is { } newId)
            {
                await database.ExecuteAsync(
                    "INSERT INTO occurrence_steps (occurrence_id, step, fire_at, interval_ms, state) VALUES (@newId, @Name, @at, @interval, @state)",
                    steps.Select(s => new { newId, s.Step.Name, at = s.Step.At.ToMs(), interval = (long?)s.Step.RepeatEvery?.TotalMilliseconds, state = s.State }).ToList(), token);
            }
            var stored = await database.QuerySingleAsync<Occurrence>(
                $"SELECT {Columns} FROM occurrences WHERE occurrence_key = @OccurrenceKey", new { occurrence.OccurrenceKey }, token);
            return (stored, id is not null);
        }, ct);

    public Task<Occurrence?> FindAsync(long id, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<Occurrence>($"SELECT {Columns} FROM occurrences WHERE id = @id", new { id }, ct);

    /// <summary>Every open occurrence, due soonest first.</summary>
    public Task<IReadOnlyList<Occurrence>> ListOpenAsync(CancellationToken ct) =>
        database.QueryAsync<Occurrence>($"SELECT {Columns} FROM occurrences WHERE state = 'open' ORDER BY due_at", null, ct);

    /// <summary>The open occurrences of one deadline due after <paramref name="dueAfter"/> (null: all), due soonest first.</summary>
    public Task<IReadOnlyList<Occurrence>> ListOpenOfDeadlineAsync(string deadlineId, DateTimeOffset? dueAfter, CancellationToken ct) =>
        database.QueryAsync<Occurrence>(
            $"SELECT {Columns} FROM occurrences WHERE deadline_id = @deadlineId AND state = 'open' AND due_at > @after ORDER BY due_at",
            new { deadlineId, after = dueAfter?.ToMs() ?? long.MinValue }, ct);

    /// <summary>The open occurrences of one team, due soonest first.</summary>
    public Task<IReadOnlyList<Occurrence>> ListOpenOfTeamAsync(string teamId, CancellationToken ct) =>
        database.QueryAsync<Occurrence>($"SELECT {Columns} FROM occurrences WHERE team_id = @teamId AND state = 'open' ORDER BY due_at", new { teamId }, ct);

    /// <summary>The keys of a team's occurrences in any state (planned ones, and those already closed).</summary>
    public Task<IReadOnlyList<string>> KeysOfTeamAsync(string teamId, CancellationToken ct) =>
        database.QueryAsync<string>("SELECT occurrence_key FROM occurrences WHERE team_id = @teamId", new { teamId }, ct);

    /// <summary>Every occurrence of one deadline, whatever its state, by due time.</summary>
    public Task<IReadOnlyList<Occurrence>> ListOfDeadlineAsync(string deadlineId, CancellationToken ct) =>
        database.QueryAsync<Occurrence>($"SELECT {Columns} FROM occurrences WHERE deadline_id = @deadlineId ORDER BY due_at", new { deadlineId }, ct);

    /// <summary>A team's occurrences in any state due in [<paramref name="from"/>, <paramref name="until"/>), by due time (the console's calendar and export).</summary>
    public Task<IReadOnlyList<Occurrence>> ListOfTeamDueBetweenAsync(string teamId, DateTimeOffset from, DateTimeOffset until, CancellationToken ct) =>
        database.QueryAsync<Occurrence>(
            $"SELECT {Columns} FROM occurrences WHERE team_id = @teamId AND due_at >= @from AND due_at < @until ORDER BY due_at, id",
            new { teamId, from = from.ToMs(), until = until.ToMs() }, ct);

    /// <summary>Occurrences marked done since <paramref name="since"/>, most recent first.</summary>
    public Task<IReadOnlyList<Occurrence>> ListDoneSinceAsync(DateTimeOffset since, CancellationToken ct) =>
        database.QueryAsync<Occurrence>(
            $"SELECT {Columns} FROM occurrences WHERE state = 'done' AND closed_at >= @since ORDER BY closed_at DESC", new { since = since.ToMs() }, ct);

    public Task<IReadOnlyList<StepRow>> StepsAsync(long occurrenceId, CancellationToken ct) => database.QueryAsync<StepRow>(
        $"SELECT {StepColumns} FROM occurrence_steps WHERE occurrence_id = @occurrenceId ORDER BY fire_at", new { occurrenceId }, ct);

    public Task UpsertStepAsync(long occurrenceId, PlannedStep step, string state, CancellationToken ct) => database.ExecuteAsync("""
        INSERT INTO occurrence_steps (occurrence_id, step, fire_at, interval_ms, state) VALUES (@occurrenceId, @Name, @at, @interval, @state)
        ON CONFLICT (occurrence_id, step) DO UPDATE SET fire_at = excluded.fire_at, interval_ms = excluded.interval_ms, state = excluded.state
        """, new { occurrenceId, step.Name, at = step.At.ToMs(), interval = (long?)step.RepeatEvery?.TotalMilliseconds, state }, ct);

    public Task SetStepStateAsync(long occurrenceId, string step, string state, string? note, CancellationToken ct) => database.ExecuteAsync(
        "UPDATE occurrence_steps SET state = @state, note = @note, last_fired_at = @now, fired_count = fired_count + CASE WHEN @state = 'sent' THEN 1 ELSE 0 END WHERE occurrence_id = @occurrenceId AND step = @step",
        new { occurrenceId, step, state, note, now = clock.NowMs() }, ct);

    /// <summary>A repeating step fired once more; returns its new count.</summary>
    public async Task<int> CountFiringAsync(long occurrenceId, string step, CancellationToken ct) => (int)await database.ScalarAsync<long>(
        "UPDATE occurrence_steps SET fired_count = fired_count + 1, last_fired_at = @now WHERE occurrence_id = @occurrenceId AND step = @step RETURNING fired_count",
        new { occurrenceId, step, now = clock.NowMs() }, ct);

    /// <summary>Cancels the steps not yet done.</summary>
    public Task CancelStepsAsync(long occurrenceId, CancellationToken ct) => database.ExecuteAsync(
        "UPDATE occurrence_steps SET state = 'cancelled' WHERE occurrence_id = @occurrenceId AND state = 'scheduled'", new { occurrenceId }, ct);

    /// <summary>Moves the occurrence from open to <paramref name="state"/>; false if it was not open (someone else closed it first).</summary>
    public async Task<bool> CloseAsync(long id, string state, long? by, CancellationToken ct)
    {
        var now = clock.NowMs();
        return await database.ExecuteAsync(
            "UPDATE occurrences SET state = @state, closed_by = @by, closed_at = @now, updated_at = @now WHERE id = @id AND state = 'open'",
            new { id, state, by, now }, ct) == 1;
    }

    public Task SetDueAsync(long id, DateTimeOffset due, CancellationToken ct) => database.ExecuteAsync(
        "UPDATE occurrences SET due_at = @due, updated_at = @now WHERE id = @id", new { id, due = due.ToMs(), now = clock.NowMs() }, ct);

    public Task AddEventAsync(long occurrenceId, string kind, long? userId, long? chatId = null, string? step = null, int? templateVersion = null, string? detail = null, CancellationToken ct = default) =>
        AddEventsAsync([new OccurrenceEvent(occurrenceId, kind, userId, chatId, step, templateVersion, detail)], ct);

    /// <summary>
    /// A fallback email went out instead of a Telegram message: a copy of that message's evidence line (same kind, step,
    /// person and template version) for the email's send, saying so. A send already recorded is skipped.
    /// </summary>
    public Task<int> AddFallbackEventsAsync(IReadOnlyList<(string FromKey, string ToKey, long ChatId, string Detail)> fallbacks, CancellationToken ct) =>
        fallbacks.Count == 0 ? Task.FromResult(0) : database.ExecuteAsync("""
            INSERT INTO occurrence_events (occurrence_id, at, kind, user_id, chat_id, step, template_version, detail, send_key)
            SELECT occurrence_id, @now, kind, user_id, @ChatId, step, template_version, @Detail, @ToKey FROM occurrence_events WHERE send_key = @FromKey
            ON CONFLICT (send_key) DO NOTHING
            """, fallbacks.Select(f => new { f.FromKey, f.ToKey, f.ChatId, f.Detail, now = clock.NowMs() }).ToList(), ct);

    /// <summary>
    /// Records several events (a reminder to a whole team, say) in one transaction (the caller's, inside a unit of
    /// work). A send already recorded (the same <see cref="OccurrenceEvent.SendKey"/>) is skipped; returns how many were new.
    /// </summary>
    public Task<int> AddEventsAsync(IReadOnlyCollection<OccurrenceEvent> events, CancellationToken ct)
    {
        var now = clock.NowMs();
        return events.Count == 0 ? Task.FromResult(0) : database.ExecuteAsync("""
            INSERT INTO occurrence_events (occurrence_id, at, kind, user_id, chat_id, step, template_version, detail, send_key)
            VALUES (@OccurrenceId, @now, @Kind, @UserId, @ChatId, @Step, @TemplateVersion, @Detail, @SendKey)
            ON CONFLICT (send_key) DO NOTHING
            """, events.Select(e => new { e.OccurrenceId, now, e.Kind, e.UserId, e.ChatId, e.Step, e.TemplateVersion, e.Detail, e.SendKey }).ToList(), ct);
    }
}
