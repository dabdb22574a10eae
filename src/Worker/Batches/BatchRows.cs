using Bot.Worker.Scam;
using Phones = Bot.Worker.Scam.PhoneNumbers;

namespace Bot.Worker.Batches;

/// <summary>
/// Checks the rows of an import file: an optional header row (<c>number,kind,region,note</c>, or the export's columns in any
/// language; without one the columns are taken in that order), then each row: a number of its kind (phone numbers through
/// libphonenumber to E.164, with their own attribution), the kind (inferred when empty), the state a re-imported export
/// carries, and the same number only once. Every bad row is listed with its line; the caller saves nothing then.
/// </summary>
internal sealed class BatchRows(BatchWords words)
{
    public const int MaxRows = 200_000;
    public const int MaxField = 500;

    private static readonly string?[] DefaultColumns = ["number", "kind", "region", "note"];

    public (IReadOnlyList<BatchLine> Lines, IReadOnlyList<BatchLineError> Errors) Check(IEnumerable<BatchRawRow> rows)
    {
        var lines = new List<BatchLine>();
        var errors = new List<BatchLineError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string?[]? columns = null;
        Dictionary<string, int> at = [];
        foreach (var row in rows)
        {
            if (row.Cells is not { } cells)
            {
                errors.Add(new BatchLineError(row.Line, BatchProblem.Columns, ""));
                continue;
            }
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (columns is null)
            {
                columns = Header(cells);
                if (columns is not null)
                {
                    at = columns.Select((c, i) => (c, i)).Where(x => x.c is not null).DistinctBy(x => x.c).ToDictionary(x => x.c!, x => x.i);
                    continue;
                }
                columns = DefaultColumns;
            }
            if (at.Count == 0)
            {
                at = columns.Select((c, i) => (c, i)).Where(x => x.c is not null).DistinctBy(x => x.c).ToDictionary(x => x.c!, x => x.i);
            }
            if (lines.Count + errors.Count >= MaxRows)
            {
                errors.Add(new BatchLineError(row.Line, BatchProblem.TooMany, MaxRows.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                break;
            }
            if (Line(row.Line, columns.Length, at, cells, out var problem) is not { } line)
            {
                errors.Add(problem!);
            }
            else if (!seen.Add(line.Number))
            {
                errors.Add(new BatchLineError(row.Line, BatchProblem.Twice, line.Number));
            }
            else
            {
                lines.Add(line);
            }
        }
        if (lines.Count == 0 && errors.Count == 0)
        {
            errors.Add(new BatchLineError(0, BatchProblem.Empty, ""));
        }
        return (lines, errors);
    }

    /// <summary>The columns a header row names, or null when the row is data (its cells name no number column).</summary>
    private string?[]? Header(IReadOnlyList<string> cells)
    {
        var named = cells.Select(c => words.ColumnOf(c)).ToArray();
        return named.Contains("number") ? named : null;
    }

    private BatchLine? Line(int number, int width, Dictionary<string, int> at, IReadOnlyList<string> cells, out BatchLineError? problem)
    {
        problem = null;
        if (cells.Skip(width).Any(c => !string.IsNullOrWhiteSpace(c)))
        {
            problem = new BatchLineError(number, BatchProblem.Columns, string.Join(",", cells));
            return null;
        }
        string Cell(string column) => at.TryGetValue(column, out var i) && i < cells.Count ? cells[i].Trim() : "";
        if (cells.FirstOrDefault(c => c.Length > MaxField) is { } tooLong)
        {
            problem = new BatchLineError(number, BatchProblem.TooLong, tooLong[..20] + "…");
            return null;
        }
        // An export's CSV guards a leading + with an apostrophe (CsvWriter); read back, it is the number again.
        var raw = Cell("number").TrimStart('\'');
        var kindText = Cell("kind");
        var kind = kindText.Length == 0 ? Infer(raw) : words.KindOf(kindText);
        if (kind is null)
        {
            problem = new BatchLineError(number, kindText.Length == 0 ? BatchProblem.Number : BatchProblem.Kind, kindText.Length == 0 ? raw : kindText);
            return null;
        }
        var stateText = Cell("state");
        var state = stateText.Length == 0 ? BatchItemState.Pending : words.StateOf(stateText);
        if (state is null)
        {
            problem = new BatchLineError(number, BatchProblem.State, stateText);
            return null;
        }
        var (note, reason) = BatchItemState.NeedsReason(state) ? ("", Cell("note")) : (Cell("note"), "");
        if (BatchItemState.NeedsReason(state) && reason.Length == 0)
        {
            problem = new BatchLineError(number, BatchProblem.Reason, stateText);
            return null;
        }
        var reported = Cell("region");
        if (BatchNumbers.Read(kind, raw) is not { } value)
        {
            problem = new BatchLineError(number, BatchProblem.Number, raw);
            return null;
        }
        var region = kind == BatchItemKind.Phone ? PhoneAttribution.Of(Phones.Parse(value)!) : NumberRegion.None;
        return new BatchLine(number, value, kind, reported, region.Province, region.City, !region.Agrees(reported), note, state, reason);
    }

    /// <summary>
    /// The kind of a number given without one: a phone number when written as one (+, a leading 0, an 11-digit mobile, a
    /// 400/800 number) and valid; digits otherwise are a QQ number (a QQ number like 2837465510 is also a valid landline
    /// in Chengdu without its 0, so digits alone never make a phone number); a letter first, a WeChat id.
    /// </summary>
    private static string? Infer(string raw)
    {
        var digits = raw.Where(char.IsAsciiDigit).Count();
        var writtenAsPhone = raw.StartsWith('+') || raw.StartsWith('0') || raw.StartsWith('(')
            || (digits == 11 && raw.TrimStart().StartsWith('1')) || raw.StartsWith("400", StringComparison.Ordinal) || raw.StartsWith("800", StringComparison.Ordinal);
        if (writtenAsPhone && BatchNumbers.Read(BatchItemKind.Phone, raw) is not null)
        {
            return BatchItemKind.Phone;
        }
        return BatchNumbers.Read(BatchItemKind.QQ, raw) is not null ? BatchItemKind.QQ
            : BatchNumbers.Read(BatchItemKind.WeChat, raw) is not null ? BatchItemKind.WeChat
            : null;
    }
}
