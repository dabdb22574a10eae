using Bot.Worker.Common;

namespace Bot.Worker.Awareness;

/// <summary>A chat's quiet window (minutes after local midnight, may wrap midnight): tips and campaign messages wait for its end.</summary>
internal static class QuietHours
{
    /// <summary>When the window ends if <paramref name="now"/> is inside it, else null.</summary>
    public static DateTimeOffset? DeferUntil(int? start, int? end, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (start is not { } s || end is not { } e || s == e)
        {
            return null;
        }
        var local = LocalTime.ToLocal(now, zone);
        var minute = (int)local.TimeOfDay.TotalMinutes;
        var inside = s < e ? minute >= s && minute < e : minute >= s || minute < e;
        if (!inside)
        {
            return null;
        }
        var endDay = s > e && minute >= s ? local.Date.AddDays(1) : local.Date;
        return LocalTime.ToInstant(endDay.AddMinutes(e), zone);
    }
}
