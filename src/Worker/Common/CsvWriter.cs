using System.Text;

namespace Bot.Worker.Common;

/// <summary>
/// Writes RFC 4180 CSV: every field in double quotes (inner quotes doubled), CRLF after each record.
/// A field that a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading
/// apostrophe, so an exported title such as <c>=HYPERLINK(...)</c> stays text (OWASP "CSV injection").
/// </summary>
internal sealed class CsvWriter
{
    private readonly StringBuilder _text = new();

    public CsvWriter WriteRecord(params IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                _text.Append(',');
            }
            first = false;
            _text.Append('"').Append(Guard(field ?? "").Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        _text.Append("\r\n");
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>The field as a spreadsheet will read it as text.</summary>
    public static string Guard(string field) =>
        field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + field : field;
}
