using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Worker.Configuration;
using Quartz;
using YamlDotNet.RepresentationModel;

namespace Bot.Worker.Deadlines;

/// <summary>Reads and validates deadlines.yaml (PRODUCT.md 4.3); the first problem stops it with file:line:column and the field.</summary>
internal static partial class DeadlinesFileParser
{
    private static readonly string[] ScheduleKeys = ["due", "cron", "window"];
    private static readonly string[] DueFormats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss"];

    /// <summary>Parses <paramref name="path"/>; <paramref name="now"/> refuses a cron that never fires again.</summary>
    public static DeadlineConfig Parse(string path, string defaultZone, Func<string, bool> templateExists, DateTimeOffset now)
    {
        var yaml = new YamlNodeReader(path);
        var root = yaml.LoadRoot();
        yaml.OnlyKeys(root, "", "time_zone", "holidays", "teams", "deadlines");
        var zone = Zone(yaml, root, "time_zone", "", defaultZone);
        var holidays = yaml.ScalarList(root, "holidays", "").Select((h, i) =>
            DateOnly.TryParseExact(h.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw yaml.Error(h.Node, $"holidays[{i}]", $"'{h.Value}' is not a date (yyyy-MM-dd)")).ToHashSet();
        var teams = yaml.MappingList(root, "teams", "teams").Select((t, i) => Team(yaml, t, $"teams[{i}]")).ToList();
        Unique(yaml, root, teams.Select(t => t.Id), "teams");
        var deadlines = yaml.MappingList(root, "deadlines", "deadlines")
            .Select((d, i) => Deadline(yaml, d, $"deadlines[{i}]", zone, teams, templateExists, now)).ToList();
        Unique(yaml, root, deadlines.Select(d => d.Id), "deadlines");
        return new DeadlineConfig(zone, holidays, teams, deadlines);
    }

    private static TeamDefinition Team(YamlNodeReader yaml, YamlMappingNode map, string field)
    {
        yaml.OnlyKeys(map, field, "id", "name", "lead", "members", "group");
        var id = Id(yaml, map, field);
        var lead = yaml.RequiredLong(map, "lead", field);
        var members = yaml.ScalarList(map, "members", field).Select((m, i) =>
            long.TryParse(m.Value, CultureInfo.InvariantCulture, out var v) ? v : throw yaml.Error(m.Node, $"{field}.members[{i}]", "expected a Telegram numeric user id")).ToList();
        if (!members.Contains(lead))
        {
            members.Insert(0, lead);
        }
        return new TeamDefinition(id, yaml.OptionalString(map, "name", field) ?? id, lead, members, yaml.OptionalLong(map, "group", field));
    }

    private static DeadlineDefinition Deadline(YamlNodeReader yaml, YamlMappingNode map, string field, TimeZoneInfo defaultZone,
        List<TeamDefinition> teams, Func<string, bool> templateExists, DateTimeOffset now)
    {
        yaml.OnlyKeys(map, field, "id", "title", "team", "due", "cron", "window", "shift_to_business_day", "remind",
            "escalate_after", "escalate_every", "template", "escalation_template", "time_zone");
        var id = Id(yaml, map, field);
        var team = yaml.RequiredString(map, "team", field);
        if (teams.All(t => t.Id != team))
        {
            throw yaml.Error(YamlNodeReader.Child(map, "team"), $"{field}.team", $"no team '{team}' in teams");
        }
        var zone = Zone(yaml, map, "time_zone", field, defaultZone.Id);
        var (kind, due, cron, window) = Schedule(yaml, map, field, zone, now);
        var template = TemplateName(yaml, map, "template", field, "deadline-reminder", templateExists);
        var escalation = TemplateName(yaml, map, "escalation_template", field, "deadline-overdue", templateExists);
        var remind = yaml.ScalarList(map, "remind", field)
            .Select((r, i) => Durations.Parse(r.Value) ?? throw yaml.Error(r.Node, $"{field}.remind[{i}]", $"'{r.Value}' is not a duration like 3d, 2h, 30m or 0m"))
            .OrderByDescending(r => r.Approximate).ToList();
        var every = Duration(yaml, map, "escalate_every", field);
        if (every is { Approximate.TotalSeconds: <= 0 })
        {
            throw yaml.Error(YamlNodeReader.Child(map, "escalate_every"), $"{field}.escalate_every", "must be longer than 0");
        }
        return new DeadlineDefinition(id, yaml.RequiredString(map, "title", field), team, kind, due, cron,
            yaml.OptionalBool(map, "shift_to_business_day", field), window, remind, Duration(yaml, map, "escalate_after", field), every,
            template, escalation, zone);
    }

    private static (DeadlineKind, DateTime?, CronExpression?, LadderOffset?) Schedule(YamlNodeReader yaml, YamlMappingNode map, string field, TimeZoneInfo zone, DateTimeOffset now)
    {
        var given = ScheduleKeys.Where(k => YamlNodeReader.Child(map, k) is not null).ToList();
        if (given.Count != 1)
        {
            throw yaml.Error(map, field, "needs exactly one of due (a date), cron (recurring) or window (opened by /open)");
        }
        var node = YamlNodeReader.Child(map, given[0]);
        var value = yaml.RequiredString(map, given[0], field);
        switch (given[0])
        {
            case "due":
                return DateTime.TryParseExact(value, DueFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
                    ? (DeadlineKind.OneOff, due, null, null)
                    : throw yaml.Error(node, $"{field}.due", $"'{value}' is not a local date-time like 2026-02-17T17:00");
            case "cron":
                return (DeadlineKind.Recurring, null, CronSetting.Read(yaml, node, $"{field}.cron", value, zone, now), null);
            default:
                var window = Durations.Parse(value);
                return window is { Approximate.TotalSeconds: > 0 }
                    ? (DeadlineKind.Window, null, null, window)
                    : throw yaml.Error(node, $"{field}.window", $"'{value}' is not a duration like 24h");
        }
    }

    private static LadderOffset? Duration(YamlNodeReader yaml, YamlMappingNode map, string key, string field) =>
        yaml.OptionalString(map, key, field) is { } text
            ? Durations.Parse(text) ?? throw yaml.Error(YamlNodeReader.Child(map, key), $"{field}.{key}", $"'{text}' is not a duration like 1h or 4h")
            : null;

    private static string TemplateName(YamlNodeReader yaml, YamlMappingNode map, string key, string field, string fallback, Func<string, bool> exists)
    {
        var name = yaml.OptionalString(map, key, field) ?? fallback;
        return exists(name) ? name : throw yaml.Error(YamlNodeReader.Child(map, key), $"{field}.{key}", $"no template named '{name}'");
    }

    private static TimeZoneInfo Zone(YamlNodeReader yaml, YamlMappingNode map, string key, string field, string fallback)
    {
        var id = yaml.OptionalString(map, key, field) ?? fallback;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : throw yaml.Error(YamlNodeReader.Child(map, key), field.Length > 0 ? $"{field}.{key}" : key, $"'{id}' is not an IANA time zone");
    }

    private static string Id(YamlNodeReader yaml, YamlMappingNode map, string field)
    {
        var id = yaml.RequiredString(map, "id", field);
        return IdShape().IsMatch(id) ? id : throw yaml.Error(YamlNodeReader.Child(map, "id"), $"{field}.id", $"'{id}' may only have letters, digits and '-'");
    }

    private static void Unique(YamlNodeReader yaml, YamlMappingNode root, IEnumerable<string> ids, string field)
    {
        var duplicate = ids.GroupBy(i => i).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw yaml.Error(YamlNodeReader.Child(root, field), field, $"id '{duplicate.Key}' appears twice");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex IdShape();
}
