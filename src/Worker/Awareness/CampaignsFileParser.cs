using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Worker.Configuration;
using YamlDotNet.RepresentationModel;

namespace Bot.Worker.Awareness;

/// <summary>Reads and validates campaigns.yaml (PRODUCT.md 4.4); the first problem stops it with file:line:column and the field.</summary>
internal static partial class CampaignsFileParser
{
    /// <summary>The templates a broadcast may use (they are rendered with the broadcast's model).</summary>
    public static readonly IReadOnlyList<string> BroadcastTemplates = ["awareness-tip", "alert", "publicity-week"];

    private static readonly string[] AtFormats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss"];

    /// <summary>Parses <paramref name="path"/>; crons are read in <paramref name="zone"/>, and one that never fires after <paramref name="now"/> is refused.</summary>
    public static IReadOnlyList<CampaignDefinition> Parse(string path, TimeZoneInfo zone, DateTimeOffset now)
    {
        var yaml = new YamlNodeReader(path);
        var root = yaml.LoadRoot();
        yaml.OnlyKeys(root, "", "campaigns");
        var campaigns = yaml.MappingList(root, "campaigns", "campaigns").Select((c, i) => Campaign(yaml, c, $"campaigns[{i}]", zone, now)).ToList();
        var duplicate = campaigns.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw yaml.Error(YamlNodeReader.Child(root, "campaigns"), "campaigns", $"id '{duplicate.Key}' appears twice");
        }
        return campaigns;
    }

    private static CampaignDefinition Campaign(YamlNodeReader yaml, YamlMappingNode map, string field, TimeZoneInfo zone, DateTimeOffset now)
    {
        yaml.OnlyKeys(map, field, "id", "topic", "cron", "at", "template", "rotate");
        var id = yaml.RequiredString(map, "id", field);
        if (!IdShape().IsMatch(id))
        {
            throw yaml.Error(YamlNodeReader.Child(map, "id"), $"{field}.id", $"'{id}' may only have letters, digits and '-'");
        }
        var topic = yaml.RequiredString(map, "topic", field);
        if (Topics.Parse(topic) is null)
        {
            throw yaml.Error(YamlNodeReader.Child(map, "topic"), $"{field}.topic", $"'{topic}' is not a topic ({string.Join(", ", Topics.All)})");
        }
        var cronText = yaml.OptionalString(map, "cron", field);
        var atText = yaml.OptionalString(map, "at", field);
        if ((cronText is null) == (atText is null))
        {
            throw yaml.Error(map, field, "needs exactly one of cron (recurring) or at (once)");
        }
        var cron = cronText is null ? null : CronSetting.Read(yaml, YamlNodeReader.Child(map, "cron"), $"{field}.cron", cronText, zone, now);
        DateTime? at = null;
        if (atText is not null)
        {
            at = DateTime.TryParseExact(atText, AtFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw yaml.Error(YamlNodeReader.Child(map, "at"), $"{field}.at", $"'{atText}' is not a local date-time like 2026-05-13T09:00");
        }
        var template = yaml.RequiredString(map, "template", field);
        if (!BroadcastTemplates.Contains(template))
        {
            throw yaml.Error(YamlNodeReader.Child(map, "template"), $"{field}.template", $"no broadcast template named '{template}' ({string.Join(", ", BroadcastTemplates)})");
        }
        var rotate = yaml.OptionalString(map, "rotate", field);
        if (rotate is not null and not "tips")
        {
            throw yaml.Error(YamlNodeReader.Child(map, "rotate"), $"{field}.rotate", "the only rotation is 'tips'");
        }
        if ((template == "awareness-tip") != (rotate == "tips"))
        {
            throw yaml.Error(map, field, "template awareness-tip goes with rotate: tips (each subscriber gets their next tip), and rotate: tips needs it");
        }
        return new CampaignDefinition(id, Topics.Parse(topic)!, cron, at, template, rotate);
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex IdShape();
}
