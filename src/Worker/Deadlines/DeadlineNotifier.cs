using System.Globalization;
using Bot.Worker.Chats;
using Bot.Worker.Delivery;
using Bot.Worker.Storage;
using Bot.Worker.Templating;

namespace Bot.Worker.Deadlines;

/// <summary>
/// Renders deadline messages for each recipient in their language and puts them in the outbox in one
/// batch, keyed so a step is never sent twice; records who was sent what, with the template version.
/// Every channel of the team gets its own row (<see cref="DeadlineAudience"/>): Telegram with buttons, a robot or an
/// email with ack links instead, a robot's row with its digest line. The outbox rows and their evidence lines commit
/// together (in the caller's unit of work, if any).
/// </summary>
internal sealed class DeadlineNotifier(
    IDatabase database, DeadlineAudience audience, MemberNames names, MessageRenderer renderer, IOutbox outbox, OccurrenceStore store, DeadlineView view, AckLinks links)
{
    /// <summary>A reminder to the team (members, its group chat and robots), or to one person for a snooze.</summary>
    public async Task RemindAsync(Occurrence o, DeadlineDefinition d, StepRow step, bool late, long? onlyUser, IReadOnlySet<long> snoozed, CancellationToken ct)
    {
        var to = onlyUser is { } user ? await audience.PersonAsync(user, ct) : await audience.TeamAsync(o.TeamId, robots: true, snoozed, ct);
        var key = ReminderKey.Format(o.Id, step.Step, step.FireAt);
        var work = await view.WorkAsync(o, ct);
        await SendAsync(o, to, d.Template, key, "reminded", step.Step, buttons: true, links: true, (r, via) =>
        {
            var (deadline, offset, scheduledFor, snoozed) = (view.Deadline(o, r), StepName.ReminderOffset(step.Step), DeadlineView.Local(step.Fire, r), onlyUser is not null);
            // An owned occurrence's template (batch-reminder) also shows its work; the file's templates have no such value.
            return work is null
                ? (object)new { Deadline = deadline, Step = offset, Late = late, ScheduledFor = scheduledFor, Snoozed = snoozed, via.Channel, Ack = via.Links }
                : new { Deadline = deadline, Step = offset, Late = late, ScheduledFor = scheduledFor, Snoozed = snoozed, via.Channel, Ack = via.Links, Work = work };
        }, "⏰", ct);
    }

    /// <summary>
    /// The overdue notice: to the lead (escalation number <paramref name="escalation"/>), or to the team after downtime.
    /// The team's robots get both (an escalation as the team's overdue notice: the lead's wording is for the lead).
    /// </summary>
    public async Task OverdueAsync(Occurrence o, DeadlineDefinition d, bool toLead, int escalation, CancellationToken ct)
    {
        var key = toLead ? $"dl:{o.Id}:escalate:{escalation.ToString(CultureInfo.InvariantCulture)}" : $"dl:{o.Id}:{StepName.OverdueNotice}";
        IReadOnlyList<Addressee> to = toLead
            ? [.. await LeadAsync(o.TeamId, ct), .. await audience.RobotsAsync(o.TeamId, ct)]
            : await audience.TeamAsync(o.TeamId, robots: true, null, ct);
        var work = await view.WorkAsync(o, ct);
        await SendAsync(o, to, d.EscalationTemplate, key, toLead ? "escalated" : "overdue_notice", null, buttons: !toLead, links: true, (r, via) =>
        {
            var (deadline, lead) = (view.Deadline(o, r), toLead && via.Channel != DeliveryRoute.Robot);
            return work is null
                ? (object)new { Deadline = deadline, ToLead = lead, Escalation = escalation, MissedReminders = !toLead, via.Channel, Ack = via.Links }
                : new { Deadline = deadline, ToLead = lead, Escalation = escalation, MissedReminders = !toLead, via.Channel, Ack = via.Links, Work = work };
        }, "⚠️", ct);
    }

    public async Task ClosedAsync(Occurrence o, long closedBy, CancellationToken ct)
    {
        var name = await names.NameAsync(closedBy, ct);
        await SendAsync(o, await audience.TeamAsync(o.TeamId, robots: true, null, ct), "deadline-closed", $"dl:{o.Id}:closed", "closed_notice", null, false, false, (r, _) => new
        {
            Deadline = view.Deadline(o, r),
            ClosedBy = name,
            ClosedAt = DeadlineView.Local(DateTimeOffset.FromUnixTimeMilliseconds(o.ClosedAt ?? 0), r),
            ByMe = r.UserId == closedBy,
        }, "✅", ct, closedBy: name);
    }

    /// <summary>To the lead: Approve and Deny buttons on Telegram, links in an email.</summary>
    public async Task ExtensionRequestAsync(Occurrence o, long requestId, long requester, string reason, TimeSpan extension, DateTimeOffset newDue, CancellationToken ct)
    {
        var name = await names.NameAsync(requester, ct);
        var messages = new List<OutgoingMessage>();
        foreach (var lead in await LeadAsync(o.TeamId, ct))
        {
            // The Telegram row keeps its key from before channels (one lead, one request).
            var key = $"dl:x:{requestId}:request";
            var first = lead.Route.IsTelegram ? key : $"{key}:{lead.Route.KeySuffix}";
            messages.Add(Message(lead, lead.Route, first));
            if (lead.Fallback is { } fallback)
            {
                messages.Add(Message(lead, fallback, $"{key}:{fallback.KeySuffix}") with { FallbackOf = first });
            }
        }
        await outbox.EnqueueManyAsync(messages, ct);

        OutgoingMessage Message(Addressee lead, DeliveryRoute route, string key)
        {
            var decision = route.IsTelegram || lead.PersonId is not { } person ? DecisionLinks.None : links.Decision(requestId, person);
            var (html, _) = renderer.RenderVersioned("extension-request", lead.To, new
            {
                Deadline = view.Deadline(o, lead.To),
                Requester = name,
                Reason = reason,
                Extension = view.Words(extension, lead.To.Language),
                NewDue = DeadlineView.Local(newDue, lead.To),
                route.Channel,
                Ack = decision,
            });
            return OutgoingMessage.To(route, key, view.WithLinks(html, decision, lead.To.Language), MessagePriority.Reminder, "extension-request") with
            {
                Buttons = route.IsTelegram ? view.ExtensionButtons(requestId, lead.To.Language) : null,
            };
        }
    }

    public async Task ExtensionDecidedAsync(Occurrence o, long requestId, long requester, bool approved, long decidedBy, TimeSpan extension, CancellationToken ct)
    {
        var name = await names.NameAsync(decidedBy, ct);
        var to = approved ? await audience.TeamAsync(o.TeamId, robots: false, null, ct) : await audience.PersonAsync(requester, ct);
        await SendAsync(o, to, "extension-decided", $"dl:x:{requestId}:decided", "extension_decided", null, false, false, (r, _) => new
        {
            Deadline = view.Deadline(o, r),
            Approved = approved,
            DecidedBy = name,
            Extension = view.Words(extension, r.Language),
            NewDue = approved ? DeadlineView.Local(o.Due, r) : "",
        }, "📅", ct);
    }

    private Task<IReadOnlyList<Addressee>> LeadAsync(string teamId, CancellationToken ct) => audience.LeadAsync(teamId, ct);

    /// <summary>
    /// One row per recipient (and a held email beside a Telegram member's row when they have an address), with its
    /// evidence line; robots' rows carry their digest line.
    /// </summary>
    private async Task SendAsync(Occurrence o, IReadOnlyList<Addressee> recipients, string template, string key, string evidence, string? step,
        bool buttons, bool links, Func<Recipient, MessageVia, object> values, string icon, CancellationToken ct, string? closedBy = null)
    {
        var messages = new List<OutgoingMessage>();
        var events = new List<OccurrenceEvent>();
        foreach (var a in recipients.DistinctBy(a => a.Route.ChatId))
        {
            var sendKey = $"{key}:{a.Route.KeySuffix}";
            var (message, version) = Render(o, a, a.Route, template, sendKey, buttons, links, values, icon, closedBy);
            messages.Add(message);
            events.Add(new OccurrenceEvent(o.Id, evidence, a.PersonId, a.Route.ChatId, step, version, a.Note, sendKey));
            if (a.Fallback is { } fallback)
            {
                // Sent only if Telegram cannot deliver the row above; its evidence line is written then.
                var (held, _) = Render(o, a, fallback, template, $"{key}:{fallback.KeySuffix}", false, links, values, icon, closedBy);
                messages.Add(held with { FallbackOf = sendKey });
            }
        }
        // Both keyed by the send: run again after a crash, neither a message nor its evidence line is written twice.
        await database.InTransactionAsync(async token =>
        {
            await outbox.EnqueueManyAsync(messages, token);
            await store.AddEventsAsync(events, token);
        }, ct);
    }

    /// <summary>The message to one route: Telegram with the buttons, a robot or an email with the ack links (<paramref name="withLinks"/>).</summary>
    private (OutgoingMessage Message, int Version) Render(Occurrence o, Addressee a, DeliveryRoute route, string template, string key, bool buttons, bool withLinks,
        Func<Recipient, MessageVia, object> values, string icon, string? closedBy)
    {
        var robot = route.Channel == DeliveryRoute.Robot;
        var ack = !withLinks || route.IsTelegram || o.State != OccurrenceState.Open ? ReminderLinks.None
            : links.Reminder(o.Id, robot, robot ? route.ChatId : a.PersonId ?? route.ChatId);
        var (html, version) = renderer.RenderVersioned(template, a.To, values(a.To, new MessageVia(route.Channel, ack)));
        var message = OutgoingMessage.To(route, key, view.WithLinks(html, ack, a.To.Language), MessagePriority.Reminder, template) with
        {
            Buttons = buttons && route.IsTelegram ? view.ReminderButtons(o.Id, a.To.Language) : null,
            Digest = robot ? new DigestEntry(view.DigestTitle(a.To.Language), view.DigestLine(o, a.To, icon, ack, closedBy)) : null,
        };
        return (message, version);
    }
}
