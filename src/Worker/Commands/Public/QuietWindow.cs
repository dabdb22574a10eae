using System.Globalization;

namespace Bot.Worker.Commands.Public;

/// <summary>A daily window in minutes after local midnight; it may wrap past midnight (22:00-07:00).</summary>
internal readonly record struct QuietWindow(int Start, int End)
{
    public static QuietWindow? Parse(string text)
    {
        var parts = text.Split('-');
        if (parts.Length != 2 || Minutes(parts[0]) is not { } start || Minutes(parts[1]) is not { } end || start == end)
        {
            return null;
        }
        return new QuietWindow(start, end);
    }

    public static string Format(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";

    private static int? Minutes(string hhmm) =>
        TimeOnly.TryParseExact(hhmm.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.Hour * 60 + time.Minute
            : null;
}
