using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Worker.Configuration;
using Bot.Worker.Delivery;
using MimeKit;
using Quartz;
using YamlDotNet.RepresentationModel;

namespace Bot.Worker.Deadlines;

/// <summary>Reads and validates deadlines.yaml (PRODUCT.md 4.3); the first problem stops it with file:line:column and the field.</summary>
internal static partial class DeadlinesFileParser
{
    private static readonly string[] ScheduleKeys = ["due", "cron", "window"];
    private static readonly string[] DueFormats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss"];

    /// <summary>
    /// Parses <paramref name="path"/>; <paramref name="now"/> refuses a cron that never fires again, and
    /// <paramref name="channels"/> (none by default) a robot that is not configured or an email without Email:Host.
    /// </summary>
    public static DeadlineConfig Parse(string path, string defaultZone, Func<string, bool> templateExists, DateTimeOffset now, DeadlineChannels? channels = null)
    {
        var yaml = new YamlNodeReader(path);
        var root = yaml.LoadRoot();
        yaml.OnlyKeys(root, "", "time_zone", "holidays", "teams", "deadlines");
        var zone = Zone(yaml, root, "time_zone", "", defaultZone);
        var holidays = yaml.ScalarList(root, "holidays", "").Select((h, i) =>
            DateOnly.TryParseExact(h.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw yaml.Error(h.Node, $"holidays[{i}]", $"'{h.Value}' is not a date (yyyy-MM-dd)")).ToHashSet();
        var teams = yaml.MappingList(root, "teams", "teams").Select((t, i) => Team(yaml, t, $"teams[{i}]", channels ?? DeadlineChannels.None)).ToList();
        Unique(yaml, root, teams.Select(t => t.Id), "teams");
        var deadlines = yaml.MappingList(root, "deadlines", "deadlines")
            .Select((d, i) => Deadline(yaml, d, $"deadlines[{i}]", zone, teams, templateExists, now)).ToList();
        Unique(yaml, root, deadlines.Select(d => d.Id), "deadlines");
        return new DeadlineConfig(zone, holidays, teams, deadlines);
    }

    private static TeamDefinition Team(YamlNodeReader yaml, YamlMappingNode map, string field, DeadlineChannels channels)
    {
        yaml.OnlyKeys(map, field, "id", "name", "lead", "members", "group", "robots");
        var id = Id(yaml, map, field);
        var contacts = Members(yaml, map, field, channels);
        var members = contacts.Select(c => c.Telegram).OfType<long>().Distinct().ToList();
        var lead = Lead(yaml, map, field, contacts);
        if (!DeliveryRoute.IsEmailId(lead) && !members.Contains(lead))
        {
            members.Insert(0, lead);
        }
        var robots = yaml.ScalarList(map, "robots", field).Select((r, i) => channels.Robot(r.Value)
            ?? throw yaml.Error(r.Node, $"{field}.robots[{i}]", $"no robot '{r.Value}' under Channels:Robots ({(channels.Robots.Count == 0 ? "none is configured" : "configured: " + string.Join(", ", channels.Robots))})"))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new TeamDefinition(id, yaml.OptionalString(map, "name", field) ?? id, lead, members, yaml.OptionalLong(map, "group", field))
        {
            Contacts = [.. contacts.Where(c => c.Email is not null || c.Name is not null)],
            Robots = robots,
        };
    }

    /// <summary>Each member: a Telegram id, or a mapping {telegram, email, name} with at least one of telegram and email.</summary>
    private static List<TeamContact> Members(YamlNodeReader yaml, YamlMappingNode map, string field, DeadlineChannels channels)
    {
        var node = YamlNodeReader.Child(map, "members");
        if (node is null)
        {
            return [];
        }
        if (node is not YamlSequenceNode list)
        {
            throw yaml.Error(node, $"{field}.members", "expected a list of members: Telegram ids, or {telegram, email, name}");
        }
        var members = new List<TeamContact>();
        foreach (var (item, i) in list.Children.Select((item, i) => (item, i)))
        {
            var at = $"{field}.members[{i}]";
            var member = item switch
            {
                YamlScalarNode { Value: var v } when long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var telegram) => TeamContact.Of(telegram, null, null),
                YamlMappingNode mapping => Member(yaml, mapping, at, channels),
                _ => throw yaml.Error(item, at, "expected a Telegram numeric user id, or {telegram: ID, email: ADDRESS, name: NAME}"),
            };
            if (member.Email is { } email && members.Any(m => m.Email == email))
            {
                throw yaml.Error(item, at, $"the email {email} is given to two members");
            }
            members.Add(member);
        }
        return members;
    }

    private static TeamContact Member(YamlNodeReader yaml, YamlMappingNode map, string field, DeadlineChannels channels)
    {
        yaml.OnlyKeys(map, field, "telegram", "email", "name");
        var telegram = yaml.OptionalLong(map, "telegram", field);
        var email = yaml.OptionalString(map, "email", field);
        if (telegram is null && email is null)
        {
            throw yaml.Error(map, field, "a member needs telegram (a numeric id), email, or both");
        }
        if (email is not null)
        {
            var node = YamlNodeReader.Child(map, "email");
            if (!MailboxAddress.TryParse(email, out var mailbox) || mailbox.Address != email.Trim() || !email.Contains('@', StringComparison.Ordinal))
            {
                throw yaml.Error(node, $"{field}.email", $"'{email}' is not an email address (write the address alone, like li.na@example.cn)");
            }
            if (!channels.Email)
            {
                throw yaml.Error(node, $"{field}.email", "no SMTP server is configured: set Email:Host (and Email:From) to send email");
            }
        }
        return TeamContact.Of(telegram, email, yaml.OptionalString(map, "name", field));
    }

    /// <summary>The lead: a Telegram id, or the email of one of the members (their person id).</summary>
    private static long Lead(YamlNodeReader yaml, YamlMappingNode map, string field, List<TeamContact> members)
    {
        var node = YamlNodeReader.Child(map, "lead");
        var value = yaml.RequiredString(map, "lead", field);
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var telegram))
        {
            return telegram;
        }
        var email = DeliveryRoute.NormalizeEmail(value);
        return members.FirstOrDefault(m => m.Email == email)?.PersonId
            ?? throw yaml.Error(node, $"{field}.lead", value.Contains('@', StringComparison.Ordinal)
                ? $"'{value}' is not the email of any member of this team"
                : "expected a Telegram numeric user id or a member's email");
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
