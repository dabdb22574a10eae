using Bot.Worker.Channels;

namespace Bot.Tests.Unit.Channels;

/// <summary>How each Telegram HTML element comes out in each format.</summary>
public sealed class ConverterShapeTests
{
    private const string Link = "<a href=\"https://example.com/a_(b)?q=1&amp;r=2\">docs</a>";

    [Fact]
    public void A_link_keeps_its_target_with_parentheses_encoded_in_markdown()
    {
        Assert.Equal(["see [docs](https://example.com/a_%28b%29?q=1&r=2)"], WeComMarkdown.Convert("see " + Link));
    }

    [Fact]
    public void A_link_becomes_an_a_element_in_Feishu_and_email()
    {
        var paragraph = Assert.Single(Assert.Single(FeishuPost.Convert("Title\n" + Link)).Paragraphs)!.AsArray();
        var element = Assert.Single(paragraph)!;

        Assert.Equal("a", (string?)element["tag"]);
        Assert.Equal("https://example.com/a_(b)?q=1&r=2", (string?)element["href"]);
        Assert.Contains("<a href=\"https://example.com/a_(b)?q=1&amp;r=2\">docs</a>", EmailHtml.Convert(Link), StringComparison.Ordinal);
        Assert.Equal("docs (https://example.com/a_(b)?q=1&r=2)\n", EmailText.Convert(Link));
    }

    [Fact]
    public void A_link_whose_text_is_its_address_is_written_once_in_email_text()
    {
        Assert.Equal("https://example.com/ack\n", EmailText.Convert("<a href=\"https://example.com/ack\">https://example.com/ack</a>"));
        Assert.Equal("li@example.cn\n", EmailText.Convert("<a href=\"mailto:li@example.cn\">li@example.cn</a>"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("tg://user?id=1")]
    [InlineData("/relative")]
    public void A_link_to_anything_but_http_or_mail_is_only_its_text(string href)
    {
        var html = $"<a href=\"{href}\">press</a>";

        Assert.Equal(["press"], WeComMarkdown.Convert(html));
        Assert.Equal("press", Assert.Single(DingTalkMarkdown.Convert(html)).Text);
        Assert.DoesNotContain("<a", EmailHtml.Convert(html), StringComparison.Ordinal);
        Assert.Equal("press\n", EmailText.Convert(html));
        Assert.Equal("text", (string?)Assert.Single(Assert.Single(FeishuPost.Convert("t\n" + html)).Paragraphs)![0]!["tag"]);
    }

    [Fact]
    public void Emphasis_markers_hug_the_text_and_adjacent_bold_runs_share_one_span()
    {
        Assert.Equal(["a **b** c"], WeComMarkdown.Convert("a<b> b </b>c"));
        Assert.Equal(["**a*b***"], WeComMarkdown.Convert("<b>a</b><b><i>b</i></b>"));
    }

    [Fact]
    public void A_quote_is_quoted_line_by_line()
    {
        const string html = "before\n<blockquote expandable>one\ntwo</blockquote>\nafter";

        Assert.Equal(["before\n> one\n> two\nafter"], WeComMarkdown.Convert(html));
        Assert.Equal("before  \n> one  \n> two  \nafter", Assert.Single(DingTalkMarkdown.Convert(html)).Text);
        Assert.Equal("before\n> one\n> two\nafter\n", EmailText.Convert(html));
        Assert.Contains("<blockquote style=", EmailHtml.Convert(html), StringComparison.Ordinal);
        var feishu = Assert.Single(FeishuPost.Convert(html)).Paragraphs;
        Assert.Equal(FeishuPost.QuoteMark, (string?)feishu[0]![0]!["text"]);
    }

    [Fact]
    public void A_pre_block_is_escaped_text_keeping_its_indentation()
    {
        const string html = "<pre><code class=\"language-python\">x = *1*\n  y</code></pre>";

        Assert.Equal(["x = \\*1\\*\n\u00A0\u00A0y"], WeComMarkdown.Convert(html));
        Assert.Contains(">x = *1*\n  y</pre>", EmailHtml.Convert(html), StringComparison.Ordinal);
    }

    [Fact]
    public void Inline_code_is_a_code_span_unless_it_holds_a_backtick()
    {
        Assert.Equal(["run `/done x_y`"], WeComMarkdown.Convert("run <code>/done x_y</code>"));
        Assert.Equal(["run \\`x\\`"], WeComMarkdown.Convert("run <code>`x`</code>"));
    }

    [Fact]
    public void A_spoiler_is_grey_in_WeCom_and_plain_in_DingTalk()
    {
        const string html = "<tg-spoiler>secret</tg-spoiler> <span class=\"tg-spoiler\">too</span>";

        Assert.Equal(["<font color=\"comment\">secret</font> <font color=\"comment\">too</font>"], WeComMarkdown.Convert(html));
        Assert.Equal("secret too", Assert.Single(DingTalkMarkdown.Convert(html)).Text);
    }

    [Fact]
    public void Feishu_keeps_each_style()
    {
        var paragraph = Assert.Single(Assert.Single(FeishuPost.Convert("t\n<b><i>a</i></b><u>b</u><s>c</s>")).Paragraphs)!.AsArray();

        Assert.Equal(["bold,italic", "underline", "lineThrough"], paragraph.Select(e => string.Join(',', e!["style"]!.AsArray().Select(s => (string?)s))));
    }

    [Fact]
    public void Feishu_takes_the_first_line_as_title_unless_it_holds_a_link()
    {
        var titled = Assert.Single(FeishuPost.Convert("<b>Reminder</b>\n\nbody"));
        var linked = Assert.Single(FeishuPost.Convert("<a href=\"https://x.cn\">Reminder</a>\nbody"));

        Assert.Equal("Reminder", titled.Title);
        Assert.Equal("body", (string?)Assert.Single(titled.Paragraphs)![0]!["text"]);
        Assert.Equal("", linked.Title);
        Assert.Equal(2, linked.Paragraphs.Count);
    }

    [Fact]
    public void The_subject_and_titles_are_the_first_visible_line_shortened()
    {
        var longLine = new string('长', 150);

        Assert.Equal("First line", EmailText.Subject("\n  <b>First   line</b>\nsecond"));
        Assert.Equal(Titles.MaxLength, Assert.Single(DingTalkMarkdown.Convert(longLine)).Title.Length);
        Assert.EndsWith("…", Assert.Single(DingTalkMarkdown.Convert(longLine)).Title, StringComparison.Ordinal);
    }
}
