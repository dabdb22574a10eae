using PhoneNumber = global::PhoneNumbers.PhoneNumber;

namespace Bot.Worker.Scam;

/// <summary>
/// A phone number as libphonenumber read it: E.164, the check's spelling (<see cref="PhoneNumbers.Normalize"/>), its kind,
/// whether the numbering plan knows it (<c>IsValidNumber</c>), and the parsed number for the geocoder.
/// </summary>
internal sealed record ParsedPhone(string E164, string Key, EntityKind Kind, bool Valid, PhoneNumber Number)
{
    public bool IsChinese => Number.CountryCode == PhoneNumbers.ChinaCode;
}
