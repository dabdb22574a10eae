using Bot.Worker.Scam;
using Phones = Bot.Worker.Scam.PhoneNumbers;

namespace Bot.Worker.Batches;

/// <summary>
/// The one spelling of a batch item's number: a phone number in E.164 (libphonenumber, default region CN, valid numbers
/// only), a QQ number's digits, a WeChat id in lower case; and the entity the scam check finds for it.
/// </summary>
internal static class BatchNumbers
{
    /// <summary>The number as stored, or null when <paramref name="raw"/> is not a <paramref name="kind"/>.</summary>
    public static string? Read(string kind, string raw)
    {
        raw = raw.Trim();
        return kind switch
        {
            BatchItemKind.Phone => Phones.Parse(raw) is { Valid: true } phone ? phone.E164 : null,
            BatchItemKind.QQ => raw.Length is >= 5 and <= 12 && raw[0] != '0' && raw.All(char.IsAsciiDigit) ? raw : null,
            BatchItemKind.WeChat => raw.Length is >= 6 and <= 20 && char.IsAsciiLetter(raw[0]) && raw.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
                ? raw.ToLowerInvariant() : null,
            _ => null,
        };
    }

    /// <summary>The item as the scam check finds it in a message (the check's own spelling and kind), for the known numbers.</summary>
    public static ScamEntity Entity(string kind, string number) => kind switch
    {
        BatchItemKind.QQ => new ScamEntity(EntityKind.QQ, number),
        BatchItemKind.WeChat => new ScamEntity(EntityKind.WeChat, number),
        _ => Phones.Parse(number) is { } phone ? new ScamEntity(phone.Kind, phone.Key) : new ScamEntity(EntityKind.International, number),
    };

    /// <summary>How the export and chat show a number: a Chinese phone number as dialled at home (13800138000), others as stored.</summary>
    public static string Display(string kind, string number) =>
        kind == BatchItemKind.Phone && Phones.Parse(number) is { IsChinese: true } phone ? phone.Key : number;
}
