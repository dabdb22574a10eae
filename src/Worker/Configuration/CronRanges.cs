using System.Globalization;

namespace Bot.Worker.Configuration;

/// <summary>
/// Each field of a Quartz cron expression checked against its range. Quartz's own parser lets some
/// out-of-range values through (a day of month 99 fires every day), so this runs after it accepted
/// the syntax. Handles lists, ranges a-b, steps a/b, *, ?, L, W, # and the month and weekday names.
/// </summary>
internal static class CronRanges
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Weekdays = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private static readonly (string Name, int Min, int Max, string[] Names)[] Fields =
    [
        ("second", 0, 59, []), ("minute", 0, 59, []), ("hour", 0, 23, []), ("day of month", 1, 31, []),
        ("month", 1, 12, Months), ("day of week", 1, 7, Weekdays), ("year", 1970, 2099, []),
    ];

    /// <summary>The first field out of its range, as "day of month 99 is out of range (1-31)"; null if all are in range.</summary>
    public static string? Problem(string expression)
    {
        var parts = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length && i < Fields.Length; i++)
        {
            foreach (var item in parts[i].ToUpperInvariant().Split(','))
            {
                if (Item(item, i) is { } problem)
                {
                    return problem;
                }
            }
        }
        return null;
    }

    private static string? Item(string item, int field)
    {
        var slash = item.IndexOf('/', StringComparison.Ordinal);
        var range = slash < 0 ? item : item[..slash];
        if (slash >= 0 && Number(item[(slash + 1)..], field, 1, Fields[field].Max - Fields[field].Min + 1, "step") is { } badStep)
        {
            return badStep;
        }
        if (range is "*" or "?" or "L" or "LW" or "")
        {
            return null;
        }
        if (field == 3 && range.StartsWith("L-", StringComparison.Ordinal))
        {
            return Number(range[2..], field, 0, 30, "offset from the last day");
        }
        if (field == 3 && range.EndsWith('W'))
        {
            range = range[..^1];
        }
        if (field == 5 && range.EndsWith('L'))
        {
            range = range[..^1];
        }
        if (field == 5 && range.Split('#') is [var day, var nth])
        {
            return Value(day, field) ?? Number(nth, field, 1, 5, "week number after #");
        }
        var dash = range.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? Value(range, field) : Value(range[..dash], field) ?? Value(range[(dash + 1)..], field);
    }

    private static string? Value(string text, int field)
    {
        var (name, min, max, names) = Fields[field];
        if (Array.IndexOf(names, text) >= 0)
        {
            return null;
        }
        var allowed = names.Length > 0 ? $"{min}-{max} or {names[0]}-{names[^1]}" : $"{min}-{max}";
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? null
            : $"{name} {text} is out of range ({allowed})";
    }

    private static string? Number(string text, int field, int min, int max, string what) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? null
            : $"{Fields[field].Name} {what} {text} is out of range ({min}-{max})";
}
