using System.Globalization;
using Bot.Worker.Templating;
using Bot.Worker.Transport;

namespace Bot.Worker.Deadlines;

/// <summary>The <c>deadline</c> object templates get, localized time words, and the reminder buttons.</summary>
internal sealed class DeadlineView(Labels labels, TimeWords words, TimeProvider clock, DeadlineConfigSource config)
{
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

    public static string Local(DateTimeOffset instant, Recipient to) => LocalTime.Text(instant, to.TimeZone);

    public string Words(TimeSpan span, string language) => words.Format(span, language);

    public IReadOnlyList<IReadOnlyList<InlineButton>> ReminderButtons(long occurrenceId, string language)
    {
        var id = occurrenceId.ToString(CultureInfo.InvariantCulture);
        return
        [
            [
                new InlineButton(labels.Get(language, "button.done"), "dl:done:" + id),
                new InlineButton(labels.Get(language, "button.snooze_1h"), "dl:snz:" + id),
            ],
            [new InlineButton(labels.Get(language, "button.extend"), "dl:ext:" + id)],
        ];
    }

    public IReadOnlyList<IReadOnlyList<InlineButton>> ExtensionButtons(long requestId, string language)
    {
        var id = requestId.ToString(CultureInfo.InvariantCulture);
        return [[new InlineButton(labels.Get(language, "button.approve"), "dl:xa:" + id), new InlineButton(labels.Get(language, "button.deny"), "dl:xd:" + id)]];
    }
}
