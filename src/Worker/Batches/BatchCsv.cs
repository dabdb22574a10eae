using System.Text;
using Microsoft.VisualBasic.FileIO;

namespace Bot.Worker.Batches;

/// <summary>
/// The rows of a CSV file, read by the BCL's <see cref="TextFieldParser"/> (quoted fields, "" for a quote, a quoted field
/// may span lines: the row's line is where it starts). UTF-8 (with or without BOM); a file that is not UTF-8 is read
/// as GB18030, which is what Excel on a Chinese Windows saves as "CSV".
/// </summary>
internal static class BatchCsv
{
    public static IEnumerable<BatchRawRow> Read(byte[] bytes)
    {
        using var parser = new TextFieldParser(new StringReader(Decode(bytes)))
        {
            TextFieldType = FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = true,
        };
        parser.SetDelimiters(",");
        while (!parser.EndOfData)
        {
            var line = (int)parser.LineNumber;
            string[]? fields;
            try
            {
                fields = parser.ReadFields();
            }
            catch (MalformedLineException)
            {
                fields = null;
                line = (int)parser.ErrorLineNumber;
            }
            if (fields is null || fields.Length > 0)
            {
                yield return new BatchRawRow(line, fields);
            }
        }
    }

    private static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }
}
