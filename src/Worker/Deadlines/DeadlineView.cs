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

    public IReadOnlyList<IReadOnlyList<InlineButton>> ExtensionButtons(long requestId, string language)
    {
        return [[new InlineButton(labels.Get(language, "button.approve"), Data(ApproveVerb, requestId)), new InlineButton(labels.Get(language, "button.deny"), Data(DenyVerb, requestId))]];
    }

    private static string Data(string verb, long id) => new CallbackData(ButtonPrefix, verb, id).ToString();
}
