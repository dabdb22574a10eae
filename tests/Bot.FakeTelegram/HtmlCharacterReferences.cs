using System.Text;

namespace Bot.FakeTelegram;

// Telegram knows only &lt; &gt; &amp; &quot; by name, and any numeric reference.
internal static class HtmlCharacterReferences
{
    // Decodes the reference at html[at] == '&' into `into`; returns an error or null.
    public static string? Read(string html, int at, int end, StringBuilder into, out int consumed)
    {
        consumed = 0;
        var j = at + 1;
        if (j < end && html[j] == '#')
        {
            return ReadNumeric(html, at, end, into, out consumed);
        }

        while (j < end && char.IsAsciiLetterOrDigit(html[j]) && j - at <= 10)
        {
            j++;
        }

        if (j == at + 1 || j >= end || html[j] != ';')
        {
            return Unescaped(html, at);
        }

        var decoded = html[(at + 1)..j] switch
        {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            _ => '\0',
        };
        if (decoded == '\0')
        {
            return $"Unsupported HTML entity \"{html[at..(j + 1)]}\" at byte offset {ByteOffset(html, at)}";
        }

        into.Append(decoded);
        consumed = j + 1 - at;
        return null;
    }

    public static int ByteOffset(string html, int index) => Encoding.UTF8.GetByteCount(html.AsSpan(0, index));

    private static string? ReadNumeric(string html, int at, int end, StringBuilder into, out int consumed)
    {
        consumed = 0;
        var j = at + 2;
        var hex = j < end && html[j] is 'x' or 'X';
        if (hex)
        {
            j++;
        }

        var digitsStart = j;
        long value = 0;
        while (j < end && j - digitsStart < 8 && (hex ? char.IsAsciiHexDigit(html[j]) : char.IsAsciiDigit(html[j])))
        {
            value = (value * (hex ? 16 : 10)) + DigitValue(html[j]);
            j++;
        }

        if (j == digitsStart || j >= end || html[j] != ';')
        {
            return Unescaped(html, at);
        }

        if (value is 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
        {
            return $"Invalid character code in HTML entity \"{html[at..(j + 1)]}\" at byte offset {ByteOffset(html, at)}";
        }

        into.Append(char.ConvertFromUtf32((int)value));
        consumed = j + 1 - at;
        return null;
    }

    private static int DigitValue(char c) => char.IsAsciiDigit(c) ? c - '0' : (char.ToLowerInvariant(c) - 'a') + 10;

    private static string Unescaped(string html, int at) =>
        $"Unescaped \"&\" at byte offset {ByteOffset(html, at)}; write it as &amp;";
}
