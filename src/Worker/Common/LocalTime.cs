namespace Bot.Worker.Common;

/// <summary>
/// Wall-clock times in an IANA zone to instants, the way Quartz's cron does it: a time the clocks
/// skip (spring forward) becomes the instant they jumped to; a time they repeat (fall back) is the
/// first of the two. Each local time maps to exactly one instant, so nothing fires twice or never.
/// </summary>
internal static class LocalTime
{
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return FirstValid(local, zone);
        }
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max());
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    /// <summary>An instant as people read it in messages: "yyyy-MM-dd HH:mm" on the zone's wall clock.</summary>
    public static string Text(DateTimeOffset instant, TimeZoneInfo zone) =>
        ToLocal(instant, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Saturday, Sunday or a listed holiday moves to the working day before.</summary>
    public static DateTime ShiftToBusinessDay(DateTime local, IReadOnlySet<DateOnly> holidays)
    {
        while (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || holidays.Contains(DateOnly.FromDateTime(local)))
        {
            local = local.AddDays(-1);
        }
        return local;
    }

    // Walks forward to the first minute that exists: the end of the gap.
    private static DateTimeOffset FirstValid(DateTime local, TimeZoneInfo zone)
    {
        var probe = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(probe))
        {
            probe = probe.AddMinutes(1);
        }
        return new DateTimeOffset(probe, zone.GetUtcOffset(probe));
    }
}
