using Microsoft.VisualBasic.FileIO;

namespace Bot.Worker.Scam;

/// <summary>
/// Reads known numbers from CSV (<c>number,kind,note</c>, the header line optional, the note may be left out):
/// every line checked as the console's single add checks it, errors with their line numbers. Fields may be
/// quoted ("a, b" and "" for a quote; read by the BCL's <see cref="TextFieldParser"/>); a quoted field does not span lines.
/// </summary>
internal static class KnownNumbersCsv
{
    public const int MaxLines = 5000;
    public const int MaxNote = 200;

    public static (IReadOnlyList<KnownNumberLine> Lines, IReadOnlyList<KnownNumberLineError> Errors) Parse(string text)
    {
        var lines = new List<KnownNumberLine>();
        var errors = new List<KnownNumberLineError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = text.TrimStart('\uFEFF').Split('\n');
        var first = true;
        for (var i = 0; i < rows.Length; i++)
        {
            var number = i + 1;
            var row = rows[i].TrimEnd('\r');
            if (row.Trim().Length == 0)
            {
                continue;
            }
            if (number > MaxLines)
            {
                errors.Add(new KnownNumberLineError(number, KnownNumberProblem.TooMany, MaxLines.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                break;
            }
            var fields = Fields(row);
            if (first && fields is [var head, ..] && head.Trim().Equals("number", StringComparison.OrdinalIgnoreCase))
            {
                first = false;
                continue;
            }
            first = false;
            if (fields is not { Count: 2 or 3 })
            {
                errors.Add(new KnownNumberLineError(number, KnownNumberProblem.Columns, row));
                continue;
            }
            var (line, problem) = Entry(number, fields[0], fields[1], fields.Count == 3 ? fields[2] : "");
            if (problem is { } p)
            {
                errors.Add(p);
            }
            else if (!seen.Add(line!.Number.Value))
            {
                errors.Add(new KnownNumberLineError(number, KnownNumberProblem.Twice, line.Number.Value));
            }
            else
            {
                lines.Add(line);
            }
        }
        return (lines, errors);
    }

    /// <summary>One number to add, checked: a phone number (normalized) the check can find, fraud or official, a note of at most <see cref="MaxNote"/> characters.</summary>
    public static (KnownNumberLine? Line, KnownNumberLineError? Problem) Entry(int line, string number, string kind, string note)
    {
        if (PhoneNumbers.Normalize(number.Trim()) is not { } value || Findable(value) is not { } entity)
        {
            return (null, new KnownNumberLineError(line, KnownNumberProblem.Number, number.Trim()));
        }
        var category = kind.Trim().ToLowerInvariant();
        if (category is not (KnownNumberStore.Fraud or KnownNumberStore.Official))
        {
            return (null, new KnownNumberLineError(line, KnownNumberProblem.Kind, kind.Trim()));
        }
        note = note.Trim();
        if (note.Length > MaxNote)
        {
            return (null, new KnownNumberLineError(line, KnownNumberProblem.Note, note[..20] + "…"));
        }
        return (new KnownNumberLine(line, entity, category, note), null);
    }

    /// <summary>
    /// The number as the check finds it in a message (mobile, landline, 400/800, service or international), or null
    /// when the check would never find it (too short, too long): an entry nobody's message could ever match.
    /// </summary>
    private static ScamEntity? Findable(string normalized) =>
        EntityExtractor.Extract(normalized).FirstOrDefault(e => e.Kind is not (EntityKind.Link or EntityKind.QQ or EntityKind.WeChat) && e.Value == normalized);

    /// <summary>The fields of one line (the BCL's CSV reader); null when a quote is not closed.</summary>
    private static List<string>? Fields(string row)
    {
        using var parser = new TextFieldParser(new StringReader(row)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        try
        {
            return [.. parser.ReadFields() ?? [""]];
        }
        catch (MalformedLineException)
        {
            return null;
        }
    }
}
