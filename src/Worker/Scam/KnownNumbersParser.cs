using System.Globalization;
using Bot.Worker.Configuration;
using YamlDotNet.RepresentationModel;

namespace Bot.Worker.Scam;

/// <summary>
/// Reads known-numbers.yaml: each entry has exactly one of number, qq or wechat, a kind (fraud or
/// official), a note and (for fraud) the date it was suspended or confirmed. Numbers are normalized.
/// </summary>
internal static class KnownNumbersParser
{
    private static readonly string[] IdKeys = ["number", "qq", "wechat"];

    public static KnownNumbers Parse(string path)
    {
        var yaml = new YamlNodeReader(path);
        var root = yaml.LoadRoot();
        yaml.OnlyKeys(root, "", "numbers");
        var nodes = yaml.MappingList(root, "numbers", "numbers");
        var entries = new List<KnownNumber>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var entry = Entry(yaml, nodes[i], $"numbers[{i}]");
            if (entries.Any(e => e.Value == entry.Value && (e.Type == entry.Type || (IsPhone(e.Type) && IsPhone(entry.Type)))))
            {
                throw yaml.Error(nodes[i], $"numbers[{i}]", $"'{entry.Value}' is listed twice");
            }
            entries.Add(entry);
        }
        return new KnownNumbers(entries);
    }

    private static KnownNumber Entry(YamlNodeReader yaml, YamlMappingNode map, string field)
    {
        yaml.OnlyKeys(map, field, "number", "qq", "wechat", "kind", "note", "date");
        var given = IdKeys.Where(k => YamlNodeReader.Child(map, k) is not null).ToList();
        if (given.Count != 1)
        {
            throw yaml.Error(map, field, "needs exactly one of number, qq or wechat");
        }
        var key = given[0];
        var raw = yaml.RequiredString(map, key, field).Trim();
        var node = YamlNodeReader.Child(map, key);
        var (type, value) = key switch
        {
            "qq" => raw.Length is >= 5 and <= 12 && raw.All(char.IsAsciiDigit) && raw[0] != '0'
                ? (EntityKind.QQ, raw)
                : throw yaml.Error(node, $"{field}.qq", $"'{raw}' is not a QQ number (5-12 digits)"),
            "wechat" => raw.Length is >= 5 and <= 30 && raw.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
                ? (EntityKind.WeChat, raw.ToLowerInvariant())
                : throw yaml.Error(node, $"{field}.wechat", $"'{raw}' is not a WeChat id (letters, digits, _ and -)"),
            _ => PhoneNumbers.Normalize(raw) is { } phone
                ? (PhoneNumbers.KindOf(phone), phone)
                : throw yaml.Error(node, $"{field}.number", $"'{raw}' is not a phone number (digits, spaces, dashes, +86)"),
        };
        var kind = yaml.RequiredString(map, "kind", field) switch
        {
            "fraud" => KnownNumberKind.Fraud,
            "official" => KnownNumberKind.Official,
            var other => throw yaml.Error(YamlNodeReader.Child(map, "kind"), $"{field}.kind", $"'{other}' is not a kind (fraud or official)"),
        };
        var note = yaml.RequiredString(map, "note", field).Trim();
        var dateText = yaml.OptionalString(map, "date", field);
        DateOnly? date = null;
        if (dateText is not null)
        {
            date = DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw yaml.Error(YamlNodeReader.Child(map, "date"), $"{field}.date", $"'{dateText}' is not a date like 2021-06-02");
        }
        else if (kind == KnownNumberKind.Fraud)
        {
            throw yaml.Error(map, $"{field}.date", "is required for a fraud entry (when it was suspended or confirmed)");
        }
        return new KnownNumber(type, value, kind, note, date);
    }

    private static bool IsPhone(EntityKind kind) => kind is not (EntityKind.QQ or EntityKind.WeChat or EntityKind.Link);
}
