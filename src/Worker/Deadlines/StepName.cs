using System.Globalization;

namespace Bot.Worker.Deadlines;

/// <summary>
/// The names of an occurrence's steps, as stored in occurrence_steps and used as Quartz trigger names:
/// <c>remind:3d</c>, <c>open</c>, <c>due</c>, <c>escalate</c>, <c>snooze:USER</c>, <c>overdue-notice</c>.
/// Both directions live here.
/// </summary>
internal static class StepName
{
    public const string Open = "open";
    public const string Due = "due";
    public const string Escalate = "escalate";
    public const string OverdueNotice = "overdue-notice";
    private const string RemindPrefix = "remind:";
    private const string SnoozePrefix = "snooze:";

    public static string Remind(string offset) => RemindPrefix + offset;

    public static string Snooze(long userId) => SnoozePrefix + userId.ToString(CultureInfo.InvariantCulture);

    public static bool IsReminder(string name) => name.StartsWith(RemindPrefix, StringComparison.Ordinal);

    /// <summary>"3d" for "remind:3d"; the name itself for any other step.</summary>
    public static string ReminderOffset(string name) => IsReminder(name) ? name[RemindPrefix.Length..] : name;

    public static bool IsSnooze(string name, out long userId)
    {
        userId = 0;
        return name.StartsWith(SnoozePrefix, StringComparison.Ordinal)
            && long.TryParse(name.AsSpan(SnoozePrefix.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out userId);
    }
}
