using System.Globalization;

namespace Bot.Worker.Templating;

/// <summary>Durations in words, in the reader's language: "2 days 3 hours", "2天3小时" (the two largest units).</summary>
internal sealed class TimeWords(Labels labels)
{
    public string Format(TimeSpan span, string language)
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
        Add((int)span.TotalDays, "day");
        Add(span.Hours, "hour");
        if (span.TotalDays < 1)
        {
            Add(span.Minutes, "minute");
        }
        return string.Join(labels.Find(language, "time.joiner") ?? " ", parts);
    }
}
