using System.Globalization;

namespace Bot.Worker.Delivery;

/// <summary>
/// The outbox key of a reminder step, <c>dl:OCCURRENCE:STEP@SCHEDULEDMS</c> (the notifier appends
/// <c>:CHAT</c>, the outbox <c>#PART</c> for a long message): both directions side by side.
/// </summary>
internal static class ReminderKey
{
    private const string Prefix = "dl:";

    public static string Format(long occurrenceId, string step, long scheduledAtMs) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{occurrenceId}:{step}@{scheduledAtMs}");

    /// <summary>The step's scheduled time, from the key of the first (or only) part of a reminder to one chat.</summary>
    public static bool TryParseScheduledAt(string idemKey, out DateTimeOffset scheduledAt)
    {
        scheduledAt = default;
        if (!idemKey.StartsWith(Prefix, StringComparison.Ordinal) || idemKey.Contains('#', StringComparison.Ordinal))
        {
            return false;
        }
        var at = idemKey.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }
        var rest = idemKey.AsSpan(at + 1);
        var end = rest.IndexOf(':');
        if (!long.TryParse(end < 0 ? rest : rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return false;
        }
        scheduledAt = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return true;
    }
}
