using Bot.Worker.Common;
using Quartz;
using YamlDotNet.RepresentationModel;

namespace Bot.Worker.Configuration;

/// <summary>A <c>cron:</c> value of a YAML file: Quartz syntax, every field in range, and a next firing after now.</summary>
internal static class CronSetting
{
    /// <summary>The expression in <paramref name="zone"/>, or a <see cref="StartupException"/> with file:line:column and <paramref name="field"/>.</summary>
    public static CronExpression Read(YamlNodeReader yaml, YamlNode? node, string field, string text, TimeZoneInfo zone, DateTimeOffset now)
    {
        // Ranges first: Quartz refuses some out-of-range values with a vaguer message, and lets others through.
        if (CronRanges.Problem(text) is { } problem)
        {
            throw yaml.Error(node, field, $"'{text}': {problem}");
        }
        if (!CronExpression.TryParse(text, out _))
        {
            throw yaml.Error(node, field, $"'{text}' is not a Quartz cron expression (sec min hour day month weekday [year]), e.g. \"0 0 17 10 * ?\"");
        }
        var cron = new CronExpression(text, zone);
        return cron.GetNextValidTimeAfter(now) is null
            ? throw yaml.Error(node, field, $"'{text}' never fires again (its last time is in the past)")
            : cron;
    }
}
