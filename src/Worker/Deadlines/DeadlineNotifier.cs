using System.Globalization;
using Bot.Worker.Chats;
using Bot.Worker.Delivery;
using Bot.Worker.Storage;
using Bot.Worker.Templating;

namespace Bot.Worker.Deadlines;

/// <summary>
/// Renders deadline messages for each recipient in their language and puts them in the outbox in one
/// batch, keyed so a step is never sent twice; records who was sent what, with the template version.
/// The outbox rows and their evidence lines commit together (in the caller's unit of work, if any).
/// </summary>
internal sealed class DeadlineNotifier(
    IDatabase database, TeamStore teams, RecipientDirectory recipients, MessageRenderer renderer, IOutbox outbox, OccurrenceStore store, DeadlineView view)
{
    /// <summary>A reminder to the team (members and its group chat), or to one user for a snooze.</summary>
    public async Task RemindAsync(Occurrence o, DeadlineDefinition d, StepRow step, bool late, long? onlyUser, IReadOnlySet<long> snoozed, CancellationToken ct)
    {
        var chats = onlyUser is { } user ? [user] : (await TeamChatsAsync(o.TeamId, ct)).Where(c => !snoozed.Contains(c)).ToList();
        var key = ReminderKey.Format(o.Id, step.Step, step.FireAt);
        var work = await view.WorkAsync(o, ct);
        await SendAsync(o, chats, d.Template, key, "reminded", step.Step, MessagePriority.Reminder, withButtons: true, to =>
        {
            var (deadline, offset, scheduledFor, snoozed) = (view.Deadline(o, to), StepName.ReminderOffset(step.Step), DeadlineView.Local(step.Fire, to), onlyUser is not null);
            // An owned occurrence's template (batch-reminder) also shows its work; the file's templates have no such value.
            return work is null
                ? (object)new { Deadline = deadline, Step = offset, Late = late, ScheduledFor = scheduledFor, Snoozed = snoozed }
                : new { Deadline = deadline, Step = offset, Late = late, ScheduledFor = scheduledFor, Snoozed = snoozed, Work = work };
        }, ct);
    }

    /// <summary>The overdue notice: to the lead (escalation number <paramref name="escalation"/>), or to the team after downtime.</summary>
    public async Task OverdueAsync(Occurrence o, DeadlineDefinition d, bool toLead, int escalation, CancellationToken ct)
    {
        var lead = await teams.LeadAsync(o.TeamId, ct);
        var chats = toLead ? (lead is { } l ? [l] : []) : await TeamChatsAsync(o.TeamId, ct);
        var key = toLead ? $"dl:{o.Id}:escalate:{escalation.ToString(CultureInfo.InvariantCulture)}" : $"dl:{o.Id}:{StepName.OverdueNotice}";
        var work = await view.WorkAsync(o, ct);
        await SendAsync(o, chats, d.EscalationTemplate, key, toLead ? "escalated" : "overdue_notice", null, MessagePriority.Reminder, withButtons: !toLead, to =>
            work is null
                ? (object)new { Deadline = view.Deadline(o, to), ToLead = toLead, Escalation = escalation, MissedReminders = !toLead }
                : new { Deadline = view.Deadline(o, to), ToLead = toLead, Escalation = escalation, MissedReminders = !toLead, Work = work }, ct);
    }

    public async Task ClosedAsync(Occurrence o, long closedBy, CancellationToken ct)
    {
        var name = await recipients.NameAsync(closedBy, ct);
        await SendAsync(o, await TeamChatsAsync(o.TeamId, ct), "deadline-closed", $"dl:{o.Id}:closed", "closed_notice", null, MessagePriority.Reminder, false, to => new
        {
            Deadline = view.Deadline(o, to),
            ClosedBy = name,
            ClosedAt = DeadlineView.Local(DateTimeOffset.FromUnixTimeMilliseconds(o.ClosedAt ?? 0), to),
            ByMe = to.ChatId == closedBy,
        }, ct);
    }

    public async Task ExtensionRequestAsync(Occurrence o, long requestId, long requester, string reason, TimeSpan extension, DateTimeOffset newDue, CancellationToken ct)
    {
        var lead = await teams.LeadAsync(o.TeamId, ct);
        if (lead is null)
        {
            return;
        }
        var to = await recipients.ForAsync(lead.Value, ct);
        var name = await recipients.NameAsync(requester, ct);
        var (html, _) = renderer.RenderVersioned("extension-request", to, new
        {
            Deadline = view.Deadline(o, to),
            Requester = name,
            Reason = reason,
            Extension = view.Words(extension, to.Language),
            NewDue = DeadlineView.Local(newDue, to),
        });
        await outbox.EnqueueAsync(new OutgoingMessage($"dl:x:{requestId}:request", lead.Value, html, MessagePriority.Reminder, "extension-request",
            view.ExtensionButtons(requestId, to.Language)), ct);
    }

    public async Task ExtensionDecidedAsync(Occurrence o, long requestId, long requester, bool approved, long decidedBy, TimeSpan extension, CancellationToken ct)
    {
        var name = await recipients.NameAsync(decidedBy, ct);
        var chats = approved ? await TeamChatsAsync(o.TeamId, ct) : [requester];
        await SendAsync(o, chats, "extension-decided", $"dl:x:{requestId}:decided", "extension_decided", null, MessagePriority.Reminder, false, to => new
        {
            Deadline = view.Deadline(o, to),
            Approved = approved,
            DecidedBy = name,
            Extension = view.Words(extension, to.Language),
            NewDue = approved ? DeadlineView.Local(o.Due, to) : "",
        }, ct);
    }

    private async Task SendAsync(Occurrence o, IReadOnlyList<long> chats, string template, string key, string evidence, string? step,
        MessagePriority priority, bool withButtons, Func<Recipient, object> values, CancellationToken ct)
    {
        var messages = new List<OutgoingMessage>();
        var events = new List<OccurrenceEvent>();
        foreach (var chat in chats.Distinct())
        {
            var to = await recipients.ForAsync(chat, ct);
            var (html, version) = renderer.RenderVersioned(template, to, values(to));
            var sendKey = $"{key}:{chat.ToString(CultureInfo.InvariantCulture)}";
            messages.Add(new OutgoingMessage(sendKey, chat, html, priority, template, withButtons ? view.ReminderButtons(o.Id, to.Language) : null));
            events.Add(new OccurrenceEvent(o.Id, evidence, chat > 0 ? chat : null, chat, step, version, SendKey: sendKey));
        }
        // Both keyed by the send: run again after a crash, neither a message nor its evidence line is written twice.
        await database.InTransactionAsync(async token =>
        {
            await outbox.EnqueueManyAsync(messages, token);
            await store.AddEventsAsync(events, token);
        }, ct);
    }

    private Task<IReadOnlyList<long>> TeamChatsAsync(string teamId, CancellationToken ct) => teams.ChatsAsync(teamId, ct);
}
