using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bot.FakeTelegram;

internal static partial class FakeJson
{
    // Readable JSON in records and answers: no \u003C for '<' or escaped Cyrillic.
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The relaxed encoder still escapes characters outside the BMP; tests look for emoji as text.
    public static string Serialize(JsonNode node)
    {
        var json = node.ToJsonString(Options);
        return json.Contains("\\uD", StringComparison.OrdinalIgnoreCase)
            ? SurrogatePair().Replace(json, m => new string([Hex(m.Groups[1].Value), Hex(m.Groups[2].Value)]))
            : json;
    }

    private static char Hex(string digits) => (char)int.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<!\\)\\u(D[89AB][0-9A-F]{2})\\u(D[C-F][0-9A-F]{2})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SurrogatePair();
}
