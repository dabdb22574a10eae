using System.Globalization;
using Bot.Worker.Deadlines;
using Bot.Worker.Templating;
using Bot.Worker.Transport;

namespace Bot.Worker.Commands.Team;

/// <summary>
/// The buttons on reminders (Done, Snooze 1h, Need extension: data dl:done|snz|ext:OCCURRENCE) and on
/// an extension request (Approve, Deny: dl:xa|xd:REQUEST). Each does what its command does.
/// </summary>
internal sealed class DeadlineButtons(OccurrenceStore store, OccurrenceAccess access, DeadlineActions actions, Labels labels, IBotTransport transport) : ICallbackHandler
{
    public string Prefix => DeadlineView.ButtonPrefix;

    public async Task<string?> HandleAsync(CommandContext context, string argument, CancellationToken cancellationToken)
    {
        if (!CallbackData.TryParse(Prefix, argument, out var data))
        {
            return null;
        }
        var (verb, id) = (data.Verb, data.Id);
        var language = context.Language;
        if (verb is DeadlineView.ApproveVerb or DeadlineView.DenyVerb)
        {
            var outcome = await actions.DecideExtensionAsync(id, context.User.Id, context.IsAdmin, verb == DeadlineView.ApproveVerb, cancellationToken);
            if (outcome is ExtensionOutcome.Approved or ExtensionOutcome.Denied && context.Update is IncomingCallback callback)
            {
                await transport.EditButtonsAsync(context.ChatId, callback.MessageId, null, cancellationToken);
            }
            return labels.Get(language, outcome == ExtensionOutcome.NotAllowed ? "toast.not_allowed" : "toast.extension_" + outcome.ToString().ToLowerInvariant());
        }
        var occurrence = await store.FindAsync(id, cancellationToken);
        if (occurrence is null || !await access.MayActAsync(occurrence, context.User.Id, context.IsAdmin, cancellationToken))
        {
            return labels.Get(language, "toast.not_allowed");
        }
        switch (verb)
        {
            case DeadlineView.DoneVerb:
                var done = await actions.DoneAsync(occurrence, context.User.Id, cancellationToken);
                return string.Format(CultureInfo.InvariantCulture, labels.Get(language, "toast." + done.Action), done.Pending);
            case DeadlineView.SnoozeVerb:
                var (until, _) = await actions.SnoozeAsync(occurrence, context.User.Id, TimeSpan.FromHours(1), cancellationToken);
                return string.Format(CultureInfo.InvariantCulture, labels.Get(language, "toast.snoozed"), DeadlineView.Local(until, context.Recipient));
            case DeadlineView.ExtendVerb:
                await actions.RequestExtensionAsync(occurrence, context.User.Id, labels.Get(language, "toast.extension_reason"), DeadlineActions.DefaultExtension, cancellationToken);
                return labels.Get(language, "toast.extension_requested");
            default:
                return null;
        }
    }
}
