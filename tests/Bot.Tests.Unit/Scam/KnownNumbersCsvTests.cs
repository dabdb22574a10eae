using Bot.Worker.Scam;

namespace Bot.Tests.Unit.Scam;

/// <summary>The known numbers CSV (number,kind,note): normalized like known-numbers.yaml, every bad line reported with its number.</summary>
public sealed class KnownNumbersCsvTests
{
    [Fact]
    public void A_header_is_optional_numbers_are_normalized_and_a_quoted_note_may_hold_commas()
    {
        var (withHeader, none) = KnownNumbersCsv.Parse("\uFEFFnumber,kind,note\r\n+86 138-0013-8000,fraud,\"Officer Wang, \"\"police\"\"\"\r\n\r\n96110,Official\n");
        var (withoutHeader, _) = KnownNumbersCsv.Parse("138 0013 8000,fraud,x");

        Assert.Empty(none);
        Assert.Equal(2, withHeader.Count);
        Assert.Equal(new KnownNumberLine(2, new ScamEntity(EntityKind.Mobile, "13800138000"), "fraud", "Officer Wang, \"police\""), withHeader[0]);
        Assert.Equal(new KnownNumberLine(4, new ScamEntity(EntityKind.Service, "96110"), "official", ""), withHeader[1]);
        Assert.Equal(1, Assert.Single(withoutHeader).Line);
    }

    [Fact]
    public void Every_bad_line_is_reported_with_its_line_number_and_why()
    {
        var (lines, errors) = KnownNumbersCsv.Parse("""
            number,kind,note
            13800138000,fraud,ok
            call me,fraud,x
            13900139000,scam,x
            13800138000,official,again
            only-one-column
            "13700137000,fraud,unclosed
            """);

        Assert.Single(lines);
        Assert.Equal(
            [(3, KnownNumberProblem.Number, "call me"), (4, KnownNumberProblem.Kind, "scam"), (5, KnownNumberProblem.Twice, "13800138000"), (6, KnownNumberProblem.Columns, "only-one-column"), (7, KnownNumberProblem.Columns, "\"13700137000,fraud,unclosed")],
            errors.Select(e => (e.Line, e.Problem, e.Value)));
    }

    [Fact]
    public void A_note_over_the_limit_is_refused()
    {
        var (line, problem) = KnownNumbersCsv.Entry(1, "13800138000", "fraud", new string('n', KnownNumbersCsv.MaxNote + 1));

        Assert.Null(line);
        Assert.Equal(KnownNumberProblem.Note, problem!.Problem);
    }
}
