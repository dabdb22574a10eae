using Bot.Worker.Storage;

namespace Bot.Worker.Deadlines;

/// <summary>What team members do to an occurrence: done, snooze, ask for an extension; and the lead's decision.</summary>
internal sealed class DeadlineActions(OccurrenceStore store, OccurrenceScheduler scheduler, IStepScheduler steps, DeadlineNotifier notifier, DeadlineConfigSource config, TimeProvider clock)
{
    /// <summary>Closes the occurrence for the whole team; every later step is cancelled and members get one note. False if it was already closed.</summary>
    public async Task<bool> DoneAsync(Occurrence o, long userId, CancellationToken ct)
    {
        if (!await store.CloseAsync(o.Id, OccurrenceState.Done, userId, ct))
        {
            return false;
        }
        await scheduler.StopStepsAsync(o.Id, ct);
        await store.AddEventAsync(o.Id, "acknowledged", userId, ct: ct);
        var closed = await store.FindAsync(o.Id, ct);
        await notifier.ClosedAsync(closed!, userId, ct);
        return true;
    }

    /// <summary>Reminds this user again after <paramref name="duration"/>, but never after the due time: returns when, and whether it was capped.</summary>
    public async Task<(DateTimeOffset Until, bool Capped)> SnoozeAsync(Occurrence o, long userId, TimeSpan duration, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + duration;
        var capped = o.Due > now && until > o.Due;
        if (capped)
        {
            until = o.Due;
        }
        var step = new PlannedStep(PlannedStep.SnoozePrefix + userId.ToString(System.Globalization.CultureInfo.InvariantCulture), until);
        await store.ExecuteAsync("""
            INSERT INTO snoozes (occurrence_id, user_id, until) VALUES (@Id, @userId, @until)
            ON CONFLICT (occurrence_id, user_id) DO UPDATE SET until = excluded.until
            """, new { o.Id, userId, until = until.ToMs() }, ct);
        await store.UpsertStepAsync(o.Id, step, StepState.Scheduled, ct);
        await steps.ScheduleAsync(o.Id, step.Name, until, null, ct);
        await store.AddEventAsync(o.Id, "snoozed", userId, detail: $"until {until:O}{(capped ? " (capped at the due time)" : "")}", ct: ct);
        return (until, capped);
    }

    public async Task<long> RequestExtensionAsync(Occurrence o, long userId, string reason, TimeSpan extension, CancellationToken ct)
    {
        var id = await store.ScalarAsync<long>("""
            INSERT INTO extension_requests (occurrence_id, user_id, reason, extension_ms, state, created_at)
            VALUES (@Id, @userId, @reason, @ms, 'pending', @now) RETURNING id
            """, new { o.Id, userId, reason, ms = (long)extension.TotalMilliseconds, now = clock.NowMs() }, ct);
        await store.AddEventAsync(o.Id, "extension_requested", userId, detail: reason, ct: ct);
        await notifier.ExtensionRequestAsync(o, id, userId, reason, extension, o.Due + extension, ct);
        return id;
    }

    /// <summary>The lead (or an admin) approves or denies; an approval moves the due time and starts the ladder over.</summary>
    public async Task<ExtensionOutcome> DecideExtensionAsync(long requestId, long deciderId, bool isAdmin, bool approve, CancellationToken ct)
    {
        var request = await store.FindExtensionAsync(requestId, ct);
        if (request is null)
        {
            return ExtensionOutcome.NotFound;
        }
        var (occurrenceId, requester, ms, decided) = (request.OccurrenceId, request.UserId, request.ExtensionMs, request.State != "pending");
        var o = await store.FindAsync(occurrenceId, ct);
        var lead = o is null ? null : config.Current.Team(o.TeamId)?.Lead;
        if (o is null || (!isAdmin && lead != deciderId))
        {
            return ExtensionOutcome.NotAllowed;
        }
        if (decided || o.State != OccurrenceState.Open)
        {
            return ExtensionOutcome.AlreadyDecided;
        }
        await store.ExecuteAsync("UPDATE extension_requests SET state = @state, decided_by = @deciderId, decided_at = @now WHERE id = @requestId AND state = 'pending'",
            new { state = approve ? "approved" : "denied", deciderId, now = clock.NowMs(), requestId }, ct);
        var extension = TimeSpan.FromMilliseconds(ms);
        if (approve && config.Current.Deadline(o.DeadlineId) is { } d)
        {
            await store.SetDueAsync(o.Id, o.Due + extension, ct);
            o = (await store.FindAsync(o.Id, ct))!;
            await scheduler.RescheduleAsync(o, d, resend: true, ct);
        }
        await store.AddEventAsync(o.Id, approve ? "extension_approved" : "extension_denied", deciderId, ct: ct);
        await notifier.ExtensionDecidedAsync(o, requestId, requester, approve, deciderId, extension, ct);
        return approve ? ExtensionOutcome.Approved : ExtensionOutcome.Denied;
    }

    /// <summary>/open: a window deadline's occurrence starts now and is due after its window.</summary>
    public async Task<Occurrence> OpenWindowAsync(DeadlineDefinition d, string? reference, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = DeadlineCalendar.After(now, d.Window!, d.TimeZone);
        return await scheduler.CreateAsync(d, due, $"{d.Id}@open:{now.ToMs()}", now, reference, OccurrenceState.Open, ct);
    }
}
