using Bot.Worker.Storage;

namespace Bot.Worker.Deadlines;

/// <summary>
/// What team members do to an occurrence: done, snooze, ask for an extension; and the lead's decision.
/// Each commits in one transaction (Quartz triggers change once it has committed). The same for every door: a
/// Telegram command or button, or an ack link from a robot or an email (the overloads' via says
/// which, for the evidence: "via email", "via robot NAME"). A user id is a person id: a Telegram id, or the id of a
/// member known only by email.
/// </summary>
internal sealed class DeadlineActions(
    IDatabase database, OccurrenceStore store, SnoozeStore snoozes, ExtensionStore extensions, TeamStore teams,
    OccurrenceScheduler scheduler, DeadlineNotifier notifier, DeadlineDefinitions definitions, TimeProvider clock)
{
    /// <summary>What a member asks for when they give no length: one day.</summary>
    public static readonly TimeSpan DefaultExtension = TimeSpan.FromDays(1);

    /// <summary>
    /// Closes the occurrence for the whole team; every later step is cancelled and members get one note. Refused while its
    /// owner has work pending (a batch's items before "act" is done); nothing happens if it was already closed.
    /// </summary>
    public Task<DoneOutcome> DoneAsync(Occurrence o, long userId, CancellationToken ct) => DoneAsync(o, userId, null, ct);

    public Task<DoneOutcome> DoneAsync(Occurrence o, long userId, string? via, CancellationToken ct) => database.InTransactionAsync(async token =>
    {
        if (o.State == OccurrenceState.Open && await definitions.PendingBeforeDoneAsync(o, token) is > 0 and var pending)
        {
            return DoneOutcome.ItemsPending(pending);
        }
        if (!await store.CloseAsync(o.Id, OccurrenceState.Done, userId, token))
        {
            return DoneOutcome.AlreadyClosed;
        }
        await scheduler.StopStepsAsync(o.Id, token);
        await store.AddEventAsync(o.Id, "acknowledged", userId, detail: via, ct: token);
        var closed = await store.FindAsync(o.Id, token);
        await notifier.ClosedAsync(closed!, userId, token);
        return DoneOutcome.Done;
    }, ct);

    /// <summary>Reminds this user again after <paramref name="duration"/>, but never after the due time: returns when, and whether it was capped.</summary>
    public Task<(DateTimeOffset Until, bool Capped)> SnoozeAsync(Occurrence o, long userId, TimeSpan duration, CancellationToken ct) =>
        SnoozeAsync(o, userId, duration, null, ct);

    public Task<(DateTimeOffset Until, bool Capped)> SnoozeAsync(Occurrence o, long userId, TimeSpan duration, string? via, CancellationToken ct) => database.InTransactionAsync(async token =>
    {
        var now = clock.GetUtcNow();
        var until = now + duration;
        var capped = o.Due > now && until > o.Due;
        if (capped)
        {
            until = o.Due;
        }
        await snoozes.SetAsync(o.Id, userId, until, token);
        await scheduler.ScheduleStepAsync(o.Id, new PlannedStep(StepName.Snooze(userId), until), token);
        await store.AddEventAsync(o.Id, "snoozed", userId, detail: $"until {until:O}{(capped ? " (capped at the due time)" : "")}{(via is null ? "" : " " + via)}", ct: token);
        return (until, capped);
    }, ct);

    public Task<long> RequestExtensionAsync(Occurrence o, long userId, string reason, TimeSpan extension, CancellationToken ct) =>
        RequestExtensionAsync(o, userId, reason, extension, null, ct);

    public Task<long> RequestExtensionAsync(Occurrence o, long userId, string reason, TimeSpan extension, string? via, CancellationToken ct) => database.InTransactionAsync(async token =>
    {
        var id = await extensions.AddAsync(o.Id, userId, reason, extension, token);
        await store.AddEventAsync(o.Id, "extension_requested", userId, detail: via is null ? reason : $"{reason} ({via})", ct: token);
        await notifier.ExtensionRequestAsync(o, id, userId, reason, extension, o.Due + extension, token);
        return id;
    }, ct);

    /// <summary>
    /// The lead (or an admin) approves or denies. An approval moves the due time and starts the ladder
    /// over; the decision, the new due time, the re-planned steps, the evidence and the notices commit together.
    /// </summary>
    public Task<ExtensionOutcome> DecideExtensionAsync(long requestId, long deciderId, bool isAdmin, bool approve, CancellationToken ct) =>
        DecideExtensionAsync(requestId, deciderId, isAdmin, approve, null, ct);

    public async Task<ExtensionOutcome> DecideExtensionAsync(long requestId, long deciderId, bool isAdmin, bool approve, string? via, CancellationToken ct)
    {
        var request = await extensions.FindAsync(requestId, ct);
        var o = request is null ? null : await store.FindAsync(request.OccurrenceId, ct);
        if (request is null || o is null)
        {
            return ExtensionOutcome.NotFound;
        }
        if (!isAdmin && await teams.LeadAsync(o.TeamId, ct) != deciderId)
        {
            return ExtensionOutcome.NotAllowed;
        }
        if (request.State != "pending" || o.State != OccurrenceState.Open)
        {
            return ExtensionOutcome.AlreadyDecided;
        }
        return await database.InTransactionAsync(async token =>
        {
            if (!await extensions.DecideAsync(requestId, approve, deciderId, token))
            {
                return ExtensionOutcome.AlreadyDecided;
            }
            var extension = TimeSpan.FromMilliseconds(request.ExtensionMs);
            if (approve && await definitions.ForAsync(o, token) is { } d)
            {
                await store.SetDueAsync(o.Id, o.Due + extension, token);
                o = (await store.FindAsync(o.Id, token))!;
                await scheduler.RescheduleAsync(o, d, resend: true, token);
            }
            await store.AddEventAsync(o.Id, approve ? "extension_approved" : "extension_denied", deciderId, detail: via, ct: token);
            await notifier.ExtensionDecidedAsync(o, requestId, request.UserId, approve, deciderId, extension, token);
            return approve ? ExtensionOutcome.Approved : ExtensionOutcome.Denied;
        }, ct);
    }

    /// <summary>/open: a window deadline's occurrence starts now and is due after its window.</summary>
    public async Task<Occurrence> OpenWindowAsync(DeadlineDefinition d, string? reference, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = DeadlineCalendar.After(now, d.Window!, d.TimeZone);
        return await scheduler.CreateAsync(d, due, $"{d.Id}@open:{now.ToMs()}", now, reference, OccurrenceState.Open, ct);
    }
}
