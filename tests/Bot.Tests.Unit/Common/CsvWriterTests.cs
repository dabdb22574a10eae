using Bot.Worker.Common;

namespace Bot.Tests.Unit.Common;

public sealed class CsvWriterTests
{
    [Fact]
    public void Quotes_every_field_doubles_inner_quotes_and_ends_records_with_crlf()
    {
        var csv = new CsvWriter()
            .WriteRecord("id", "title")
            .WriteRecord("1", "Say \"hi\", then\nleave")
            .ToString();

        Assert.Equal("\"id\",\"title\"\r\n\"1\",\"Say \"\"hi\"\", then\nleave\"\r\n", csv);
    }

    [Fact]
    public void A_missing_value_is_an_empty_quoted_field()
    {
        Assert.Equal("\"a\",\"\",\"c\"\r\n", new CsvWriter().WriteRecord("a", null, "c").ToString());
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    public void A_field_a_spreadsheet_would_run_as_a_formula_gets_a_leading_apostrophe(string field, string guarded)
    {
        Assert.Equal(guarded, CsvWriter.Guard(field));
        Assert.Equal($"\"{guarded.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\r\n", new CsvWriter().WriteRecord(field).ToString());
    }

    [Theory]
    [InlineData("Quarterly report = due")]
    [InlineData("2026-11-25 10:00")]
    [InlineData("年度报告")]
    [InlineData("")]
    public void Ordinary_text_is_left_as_it_is(string field)
    {
        Assert.Equal(field, CsvWriter.Guard(field));
    }
}
