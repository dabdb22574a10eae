using System.Globalization;
using Bot.Worker.Chats;
using Bot.Worker.Common;
using Bot.Worker.Templating;
using Bot.Worker.Transport;

namespace Bot.Worker.Deadlines;

/// <summary>The <c>deadline</c> object templates get (and an owned occurrence's <c>work</c>), localized time words, and the reminder buttons.</summary>
internal sealed class DeadlineView(Labels labels, TimeWords words, TimeProvider clock, DeadlineConfigSource config, DeadlineDefinitions definitions)
{
    /// <summary>The buttons' <see cref="CallbackData"/>: prefix and verbs (id: an occurrence, or an extension request for Approve/Deny).</summary>
    public const string ButtonPrefix = "dl";
    public const string DoneVerb = "done";
    public const string SnoozeVerb = "snz";
    public const string ExtendVerb = "ext";
    public const string ApproveVerb = "xa";
    public const string DenyVerb = "xd";

    public object Deadline(Occurrence o, Recipient to)
    {
        var left = o.Due - clock.GetUtcNow();
        return new
        {
            Id = o.DeadlineId,
            Occurrence = o.Id,
            o.Title,
            Team = config.Current.Team(o.TeamId)?.Name ?? o.TeamId,
            Ref = o.Ref ?? "",
            Due = Local(o.Due, to),
            Zone = to.TimeZone.Id,
            TimeLeft = left > TimeSpan.Zero ? Words(left, to.Language) : "",
            OverdueBy = left < TimeSpan.Zero ? Words(-left, to.Language) : "",
            Overdue = left < TimeSpan.Zero,
        };
    }

    /// <summary>The work an owned occurrence's reminders show (a batch's progress), or null for a deadline of the file.</summary>
    public Task<object?> WorkAsync(Occurrence o, CancellationToken ct) => definitions.WorkAsync(o, ct);

    public static string Local(DateTimeOffset instant, Recipient to) => LocalTime.Text(instant, to.TimeZone);

    public string Words(TimeSpan span, string language) => words.Format(span, language);

    public IReadOnlyList<IReadOnlyList<InlineButton>> ReminderButtons(long occurrenceId, string language)
    {
        return
        [
            [
                new InlineButton(labels.Get(language, "button.done"), Data(DoneVerb, occurrenceId)),
                new InlineButton(labels.Get(language, "button.snooze_1h"), Data(SnoozeVerb, occurrenceId)),
            ],
            [new InlineButton(labels.Get(language, "button.extend"), Data(ExtendVerb, occurrenceId))],
        ];
    }

    /// <summary>A robot digest's heading in <paramref name="language"/> (<c>{0}</c>: how many lines).</summary>
    public string DigestTitle(string language) => "<b>" + TelegramHtml.Escape(labels.Get(language, "digest.title")) + "</b>";

    /// <summary>
    /// An occurrence's line in a robot's digest: an icon, the title, the due time (or who closed it) and, while it is
    /// open, its Done, Snooze 1h and Need extension links.
    /// </summary>
    public string DigestLine(Occurrence o, Recipient to, string icon, ReminderLinks links, string? closedBy = null)
    {
        var line = $"{icon} <b>{TelegramHtml.Escape(o.Title)}</b> · " + (closedBy is null
            ? TelegramHtml.Escape(string.Format(CultureInfo.InvariantCulture, labels.Get(to.Language, "digest.due"), Local(o.Due, to)))
            : TelegramHtml.Escape(string.Format(CultureInfo.InvariantCulture, labels.Get(to.Language, "digest.closed_by"), closedBy)));
        return links.Done.Length == 0 ? line : line + " · " + LinksLine(links, to.Language);
    }

    /// <summary>
    /// The message with its ack links: a template that shows <c>ack.done</c> has them already; one that does not (an
    /// admin's own) gets a line of them at the end, so a robot's or an email's reader can always act.
    /// </summary>
    public string WithLinks(string html, ReminderLinks links, string language) =>
        links.Done.Length == 0 || html.Contains(TelegramHtml.Escape(links.Done), StringComparison.Ordinal) ? html : html + "\n\n" + LinksLine(links, language);

    public string WithLinks(string html, DecisionLinks links, string language) =>
        links.Approve.Length == 0 || html.Contains(TelegramHtml.Escape(links.Approve), StringComparison.Ordinal)
            ? html
            : html + "\n\n" + Link(links.Approve, labels.Get(language, "button.approve")) + " · " + Link(links.Deny, labels.Get(language, "button.deny"));

    private string LinksLine(ReminderLinks links, string language) =>
        Link(links.Done, labels.Get(language, "button.done")) + " · " + Link(links.Snooze, labels.Get(language, "button.snooze_1h")) + " · "
        + Link(links.Extend, labels.Get(language, "button.extend"));

    private static string Link(string url, string text) => $"<a href=\"{TelegramHtml.Escape(url)}\">{TelegramHtml.Escape(text)}</a>";

    public IReadOnlyList<IReadOnlyList<InlineButton>> ExtensionButtons(long requestId, string language)
    {
        return [[new InlineButton(labels.Get(language, "button.approve"), Data(ApproveVerb, requestId)), new InlineButton(labels.Get(language, "button.deny"), Data(DenyVerb, requestId))]];
    }

    private static string Data(string verb, long id) => new CallbackData(ButtonPrefix, verb, id).ToString();
}
