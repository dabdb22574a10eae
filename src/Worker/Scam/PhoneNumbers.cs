namespace Bot.Worker.Scam;

/// <summary>One spelling per phone number, so "+86 138-0013-8000" and "13800138000" are the same entry.</summary>
internal static class PhoneNumbers
{
    /// <summary>
    /// Drops spaces, dashes, dots and parentheses; strips +86 / 0086 / 86 from an 11-digit mobile and turns
    /// +86 before an area code into the domestic 0; keeps short service numbers (96110, 110, 12321) as they are.
    /// Returns null when what is left is not a plausible number.
    /// </summary>
    public static string? Normalize(string raw)
    {
        var plus = raw.TrimStart().StartsWith('+');
        Span<char> digits = stackalloc char[Math.Min(raw.Length, 32)];
        var n = 0;
        foreach (var c in raw)
        {
            if (char.IsAsciiDigit(c))
            {
                if (n == digits.Length)
                {
                    return null;
                }
                digits[n++] = c;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '+' or '\u00a0'))
            {
                return null;
            }
        }
        var s = new string(digits[..n]);
        if (s.Length < 3)
        {
            return null;
        }
        if (s.StartsWith("0086", StringComparison.Ordinal))
        {
            s = s[4..];
            plus = true;
        }
        else if (s.StartsWith("86", StringComparison.Ordinal) && (plus || IsMobile(s[2..])))
        {
            s = s[2..];
            plus = true;
        }
        else if (plus)
        {
            return "+" + s;
        }
        if (plus && !IsMobile(s) && s.Length is >= 9 and <= 11 && s[0] != '0')
        {
            s = "0" + s;
        }
        return s;
    }

    public static bool IsMobile(string digits) =>
        digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9' && digits.All(char.IsAsciiDigit);

    /// <summary>The kind of a normalized phone number, as the extractor names it: mobile, international, 400/800 hotline, landline or service.</summary>
    public static EntityKind KindOf(string phone) => phone switch
    {
        _ when IsMobile(phone) => EntityKind.Mobile,
        ['+', ..] => EntityKind.International,
        ['4' or '8', '0', '0', ..] when phone.Length == 10 => EntityKind.Hotline,
        ['0', ..] => EntityKind.Landline,
        _ => EntityKind.Service,
    };
}
