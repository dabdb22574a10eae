using System.Globalization;
using MiniExcelLibs;

namespace Bot.Worker.Batches;

/// <summary>
/// The rows of an XLSX file's first sheet, streamed by MiniExcel (a 100,000-row file is never held whole). A number
/// typed as a number (13800138000) reads as its digits; a date as yyyy-MM-dd HH:mm.
/// </summary>
internal static class BatchXlsx
{
    public static IEnumerable<BatchRawRow> Read(Stream stream)
    {
        var line = 0;
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            line++;
            yield return new BatchRawRow(line, [.. row.Values.Select(Text)]);
        }
    }

    /// <summary>Writes rows (the first is the header) as the first sheet of a new XLSX file.</summary>
    public static void Write(Stream stream, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<string> header) =>
        stream.SaveAs(rows.Select(cells => Row(header, cells)), printHeader: true, excelType: ExcelType.XLSX);

    private static Dictionary<string, object?> Row(IReadOnlyList<string> header, IReadOnlyList<string> cells)
    {
        var row = new Dictionary<string, object?>(header.Count);
        for (var i = 0; i < header.Count; i++)
        {
            row[header[i]] = cells[i];
        }
        return row;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
