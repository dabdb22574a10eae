using System.Globalization;
using Bot.Worker.Templating;
using Bot.Worker.Transport;

namespace Bot.Worker.Deadlines;

/// <summary>The <c>deadline</c> object templates get, localized time words, and the reminder buttons.</summary>
internal sealed class DeadlineView(Labels labels, TimeProvider clock, DeadlineConfigSource config)
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

    public static string Local(DateTimeOffset instant, Recipient to) =>
        TimeZoneInfo.ConvertTime(instant, to.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"2 days 3 hours", "2天3小时": the two largest units.</summary>
    public string Words(TimeSpan span, string language)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return labels.Get(language, "time.less_than_minute");
        }
        var parts = new List<string>();
        void Add(int n, string unit)
        {
            if (n > 0 && parts.Count < 2)
            {
                parts.Add(string.Format(CultureInfo.InvariantCulture, labels.Get(language, n == 1 ? $"time.{unit}" : $"time.{unit}s"), n));
            }
        }
        Add(span.Days, "day");
        Add(span.Hours, "hour");
        if (span.Days == 0)
        {
            Add(span.Minutes, "minute");
        }
        return string.Join(labels.Find(language, "time.joiner") ?? " ", parts);
    }

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
