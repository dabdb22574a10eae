using Bot.FakeTelegram;

namespace Bot.Tests.Integration.FakeServer;

public sealed class TelegramHtmlTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("<B>Upper</B> <EM>case</EM>", "Upper case")]
    [InlineData("&lt;&gt;&amp;&quot;", "<>&\"")]
    [InlineData("&#65;&#x42;&#X43;", "ABC")]
    [InlineData("&#128512;", "\U0001F600")]
    [InlineData("<a href=https://example.org>bare attribute</a>", "bare attribute")]
    [InlineData("<tg-emoji emoji-id=\"5368324170671202286\">\U0001F44D</tg-emoji>", "\U0001F44D")]
    [InlineData("<b >spaced</b >", "spaced")]
    [InlineData("a > b", "a > b")]
    [InlineData("line\nbreak", "line\nbreak")]
    public void Valid_html_gives_the_visible_text(string html, string visible)
    {
        var result = TelegramHtml.Validate(html);

        Assert.True(result.Ok, result.Error);
        Assert.Equal(visible, result.VisibleText);
        Assert.Equal(visible.Length, result.VisibleLength);
    }

    [Theory]
    [InlineData("<b")]
    [InlineData("<a href=\"x>y</a>")]
    [InlineData("&lt")]
    [InlineData("&#0;")]
    [InlineData("&#x110000;")]
    [InlineData("&#;")]
    [InlineData("</b")]
    [InlineData("<tg-emoji>x</tg-emoji>")]
    [InlineData("<b =x>y</b>")]
    public void Invalid_html_is_an_error(string html)
    {
        var (ok, error, _) = TelegramHtml.Validate(html);

        Assert.False(ok);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Error_offsets_are_utf8_bytes()
    {
        var result = TelegramHtml.Validate("ж<x>");

        Assert.Equal("Unsupported start tag \"x\" at byte offset 2", result.Error);
    }

    [Fact]
    public void Entities_have_utf16_offsets_sorted_outer_first()
    {
        var result = TelegramHtml.Validate("\U0001F600 <b><i>x</i>y</b>");

        Assert.Equal(
            [new TextEntity("bold", 3, 2), new TextEntity("italic", 3, 1)],
            result.Entities);
    }
}
