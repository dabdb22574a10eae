using System.Text;
using PhoneNumber = global::PhoneNumbers.PhoneNumber;
using PhoneNumberType = global::PhoneNumbers.PhoneNumberType;
using PhoneNumberUtil = global::PhoneNumbers.PhoneNumberUtil;
using NumberParseException = global::PhoneNumbers.NumberParseException;

namespace Bot.Worker.Scam;

/// <summary>
/// Phone numbers through libphonenumber (default region CN): parsed with or without +86 / 0086 / 86, spaces, dashes,
/// dots, parentheses and full-width digits. <see cref="Normalize"/> gives the one spelling the check, known-numbers.yaml
/// and the database share ("+86 138-0013-8000" and "13800138000" are the same entry); <see cref="Parse"/> gives E.164.
/// </summary>
internal static class PhoneNumbers
{
    public const string DefaultRegion = "CN";
    public const int ChinaCode = 86;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// The check's spelling: a Chinese number as dialled at home (13800138000, 01062199788, 4008123377), a short service
    /// number as it is (96110, 110, 12321), a foreign one in E.164 (+85512345678). Null when it is not a number.
    /// </summary>
    public static string? Normalize(string raw) => Parse(raw)?.Key;

    /// <summary>The number parsed, or null when the text holds anything but digits, spaces, dashes, dots, parentheses and +, or fewer than 3 digits.</summary>
    public static ParsedPhone? Parse(string raw)
    {
        if (ToNumber(raw) is not { } number)
        {
            return null;
        }
        // One type look-up serves validity, kind and the key (formatting through the library's patterns cost 4x the parse).
        var type = Util.GetNumberType(number);
        var national = Util.GetNationalSignificantNumber(number);
        var key = number.CountryCode != ChinaCode ? E164(number, national)
            : type is PhoneNumberType.FIXED_LINE or PhoneNumberType.FIXED_LINE_OR_MOBILE ? "0" + national
            : national;
        return new ParsedPhone(E164(number, national), key, KindOf(number, type, key), type != PhoneNumberType.UNKNOWN, number);
    }

    /// <summary>The kind of a normalized phone number, as the extractor names it: mobile, international, 400/800 hotline, landline or service.</summary>
    public static EntityKind KindOf(string phone) => Parse(phone)?.Kind ?? EntityKind.Service;

    private static EntityKind KindOf(PhoneNumber number, PhoneNumberType type, string key)
    {
        if (number.CountryCode != ChinaCode)
        {
            return EntityKind.International;
        }
        return type switch
        {
            PhoneNumberType.MOBILE => EntityKind.Mobile,
            PhoneNumberType.FIXED_LINE or PhoneNumberType.FIXED_LINE_OR_MOBILE => EntityKind.Landline,
            PhoneNumberType.TOLL_FREE or PhoneNumberType.SHARED_COST => EntityKind.Hotline,
            // Not in libphonenumber's metadata (a range newer than the library, or no real number): judged by its shape.
            _ when key.Length == 11 && key[0] == '1' && key[1] is >= '3' and <= '9' => EntityKind.Mobile,
            _ when key[0] == '0' => EntityKind.Landline,
            _ when key.Length == 10 && (key.StartsWith("400", StringComparison.Ordinal) || key.StartsWith("800", StringComparison.Ordinal)) => EntityKind.Hotline,
            _ => EntityKind.Service,
        };
    }

    /// <summary>E.164 is "+", the country code and the national significant number (what the library's E164 format writes).</summary>
    private static string E164(PhoneNumber number, string national) =>
        "+" + number.CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + national;

    private static PhoneNumber? ToNumber(string raw)
    {
        var text = raw.Trim();
        if (text.Length == 0 || text.Length > 40)
        {
            return null;
        }
        if (!text.IsNormalized(NormalizationForm.FormKC))
        {
            text = text.Normalize(NormalizationForm.FormKC);
        }
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '+' or '\u00a0'))
            {
                return null;
            }
        }
        if (digits < 3)
        {
            return null;
        }
        try
        {
            return Util.Parse(text, DefaultRegion);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
