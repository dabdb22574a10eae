using Locale = global::PhoneNumbers.Locale;
using PhoneNumberOfflineGeocoder = global::PhoneNumbers.PhoneNumberOfflineGeocoder;

namespace Bot.Worker.Scam;

/// <summary>
/// Where a phone number belongs (归属地), from libphonenumber's offline geocoder in Simplified Chinese: the province and
/// the city ("广东省", "深圳市"; a municipality has no city: "北京市", ""). Numbers the geocoder places only in "China"
/// (virtual operators, 400 numbers) and foreign numbers have no province. The geocoder's data loads at the first call.
/// </summary>
internal static class PhoneAttribution
{
    private static readonly Locale SimplifiedChinese = new("zh", "CN");
    private static readonly Lazy<PhoneNumberOfflineGeocoder> Geocoder = new(PhoneNumberOfflineGeocoder.GetInstance);

    public static NumberRegion Of(ParsedPhone phone)
    {
        var description = Geocoder.Value.GetDescriptionForNumber(phone.Number, SimplifiedChinese);
        if (!phone.IsChinese || Provinces.Leading(description) is not { } province)
        {
            return new NumberRegion("", "", description);
        }
        var rest = description.StartsWith(province.Name, StringComparison.Ordinal) ? description[province.Name.Length..] : description[province.Short.Length..];
        return new NumberRegion(province.Name, rest, description);
    }
}
