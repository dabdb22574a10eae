using Bot.Tests.Unit.Support;
using Bot.Worker.Templating;
using Scriban;

namespace Bot.Tests.Unit.Templating;

public sealed class ChineseTypographyTests
{
    private static readonly TemplatingFixture Fixture = new();

    private static TemplateProblem? Check(string source) => ChineseTypography.FirstProblem(Template.Parse(source), source);

    [Fact]
    public void An_ascii_comma_after_chinese_is_flagged_with_line_and_column() =>
        Assert.Equal(new TemplateProblem(2, 3, "ASCII ',' after Chinese text; use '，'"), Check("<b>问候</b>\n你好,世界"));

    [Theory]
    [InlineData("截止时间:{{ now.text }}", ':', '：')]
    [InlineData("谢谢你!", '!', '！')]
    [InlineData("已经转账?", '?', '？')]
    [InlineData("请稍后再试;或者", ';', '；')]
    [InlineData("“安全账户”,都是假的", ',', '，')]
    public void Each_ascii_mark_gets_its_full_width_form(string source, char mark, char fullWidth) =>
        Assert.Equal($"ASCII '{mark}' after Chinese text; use '{fullWidth}'", Check(source)?.Message);

    [Fact]
    public void A_tag_between_the_chinese_word_and_the_mark_does_not_hide_it() =>
        Assert.Equal((1, 12), Check("我<b>绝不会</b>:") is { } p ? (p.Line, p.Column) : default);

    [Fact]
    public void Text_after_a_trimmed_code_block_is_placed_in_the_source() =>
        Assert.Equal((3, 3), Check("{{~ if true ~}}\n\n你好!\n{{~ end ~}}") is { } p ? (p.Line, p.Column) : default);

    [Theory]
    [InlineData("你好，世界！还有问题？请拨打：96110；谢谢。")]
    [InlineData("{{ x = tip_number > 1 ? \"多条\" : \"一条\" }}{{ # 备注:代码里的注释 }}共{{ x }}")]
    [InlineData("{{ if tip_number > 1; \"多\"; end }}条")]
    [InlineData("截止17:00 · 网址http://x.cn · 发送 /quiet 22:00-07:00")]
    [InlineData("团队 {{ tip.title }}: 数字 1,2,3")]
    public void Code_times_links_and_ascii_neighbours_pass(string source) =>
        Assert.Null(Check(source));

    [Fact]
    public void Plain_text_such_as_a_label_is_checked_too()
    {
        Assert.Equal(7, ChineseTypography.FirstMark("第 {0} 行:{1}"));
        Assert.Null(ChineseTypography.FirstMark("第 {0} 行：{1}"));
    }

    [Fact]
    public void An_admin_edit_of_a_chinese_template_with_ascii_punctuation_is_refused()
    {
        var problem = Fixture.Validator.Check("report", "zh-Hant", "<b>如何舉報</b>\n請撥打:{{ bot.hotline }}").Problem;
        Assert.Equal(new TemplateProblem(2, 4, "ASCII ':' after Chinese text; use '：'"), problem);
    }

    [Fact]
    public void An_english_template_is_not_held_to_the_rule() =>
        Assert.Null(Fixture.Validator.Check("report", "en", "Call 96110 (反诈专线:96110)").Problem);

    [Fact]
    public void Every_shipped_chinese_template_has_full_width_punctuation()
    {
        var chinese = Fixture.Catalog.ReadShippedFiles().Where(f => ChineseTypography.AppliesTo(f.Key.Language)).ToList();
        Assert.NotEmpty(chinese);
        var problems = chinese.Select(f => (f.Path, Problem: ChineseTypography.FirstProblem(Template.Parse(f.Source), f.Source)))
            .Where(f => f.Problem is not null)
            .Select(f => $"{Path.GetFileName(f.Path)}:{f.Problem}");
        Assert.Empty(problems);
    }

    [Fact]
    public void Every_chinese_label_and_tip_has_full_width_punctuation()
    {
        Assert.NotEmpty(Fixture.Labels.All("zh-Hans"));
        Assert.Empty(ChineseTextCheck.Problems(Fixture.Labels, Fixture.Tips));
    }
}
