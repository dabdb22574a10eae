using Bot.Worker.Web.Templates;

namespace Bot.Tests.Unit.Web;

public sealed class TelegramHtmlDisplayTests
{
    [Theory]
    [InlineData("<b>bold</b>", "<b>bold</b>")]
    [InlineData("<strong>bold</strong>", "<b>bold</b>")]
    [InlineData("<i>a</i><em>b</em>", "<i>a</i><i>b</i>")]
    [InlineData("<u>a</u><ins>b</ins>", "<u>a</u><u>b</u>")]
    [InlineData("<s>a</s><strike>b</strike><del>c</del>", "<s>a</s><s>b</s><s>c</s>")]
    [InlineData("<code>x</code>", "<code>x</code>")]
    [InlineData("<pre><code class=\"language-cs\">x</code></pre>", "<pre><code>x</code></pre>")]
    [InlineData("<tg-spoiler>x</tg-spoiler>", "<span class=\"tg-spoiler\">x</span>")]
    [InlineData("<span class=\"tg-spoiler\">x</span>", "<span class=\"tg-spoiler\">x</span>")]
    [InlineData("<blockquote>q</blockquote>", "<blockquote>q</blockquote>")]
    [InlineData("<blockquote expandable>q</blockquote>", "<blockquote class=\"expandable\">q</blockquote>")]
    [InlineData("<tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji>", "<span class=\"tg-emoji\">👍</span>")]
    public void Shows_each_tag_telegram_accepts_as_a_plain_element(string telegram, string display) =>
        Assert.Equal(display, TelegramHtmlDisplay.ToDisplay(telegram));

    [Fact]
    public void Keeps_an_http_link_and_opens_it_without_a_referrer() =>
        Assert.Equal(
            "<a href=\"https://example.org/?a=1&amp;b=2\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">site</a>",
            TelegramHtmlDisplay.ToDisplay("<a href=\"https://example.org/?a=1&amp;b=2\">site</a>"));

    [Theory]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href='data:text/html,hi'>x</a>")]
    [InlineData("<a>x</a>")]
    public void Drops_a_link_target_that_is_not_http_tg_or_mailto(string telegram) =>
        Assert.Equal("<a class=\"tg-bad-link\">x</a>", TelegramHtmlDisplay.ToDisplay(telegram));

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("<img src=x onerror=\"alert(1)\">", "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;")]
    [InlineData("<span>plain span</span>", "&lt;span&gt;plain span&lt;/span&gt;")]
    [InlineData("<div>x</div>", "&lt;div&gt;x&lt;/div&gt;")]
    public void Shows_tags_telegram_does_not_accept_as_text(string telegram, string display) =>
        Assert.Equal(display, TelegramHtmlDisplay.ToDisplay(telegram));

    [Fact]
    public void Never_copies_an_attribute_of_an_accepted_tag() =>
        Assert.Equal("<b>x</b><blockquote>y</blockquote>",
            TelegramHtmlDisplay.ToDisplay("<b onclick=\"alert(1)\" style=\"x\">x</b><blockquote onmouseover=alert(1)>y</blockquote>"));

    [Fact]
    public void Decodes_telegram_entities_once_and_escapes_them_again() =>
        Assert.Equal("&lt;b&gt; &amp; &quot; A &lt;script&gt;",
            TelegramHtmlDisplay.ToDisplay("&lt;b&gt; &amp; &quot; &#65; &#60;script&#62;"));

    [Fact]
    public void Shows_an_entity_telegram_does_not_know_as_typed() =>
        Assert.Equal("a&amp;nbsp;b", TelegramHtmlDisplay.ToDisplay("a&nbsp;b"));

    [Fact]
    public void Closes_what_is_left_open_and_shows_a_stray_closing_tag_as_text() =>
        Assert.Equal("<i><b>x&lt;/i&gt;</b></i>", TelegramHtmlDisplay.ToDisplay("<i><b>x</i>"));

    [Fact]
    public void Keeps_line_breaks_and_non_ascii_text() =>
        Assert.Equal("第一行\n<b>第二行</b> 🙂", TelegramHtmlDisplay.ToDisplay("第一行\n<b>第二行</b> 🙂"));

    [Fact]
    public void A_short_message_is_one_bubble()
    {
        var (html, count) = PreviewMessages.Build("<b>hi</b>", n => $"part {n}");

        Assert.Equal(1, count);
        Assert.Equal("<div class=\"tg-message\"><b>hi</b></div>", html);
    }

    [Fact]
    public void A_long_message_is_marked_where_delivery_splits_it_and_each_part_is_well_formed()
    {
        var line = new string('x', 99) + "\n";
        var telegram = "<b>" + string.Concat(Enumerable.Repeat(line, 50)) + "</b>"; // 5000 visible characters

        var (html, count) = PreviewMessages.Build(telegram, n => $"<part {n}>");

        Assert.Equal(2, count);
        Assert.Contains("<div class=\"tg-split\" data-part=\"2\">&lt;part 2&gt;</div>", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<b>").Length - 1); // The bold reopens in the second message, as the splitter sends it.
        Assert.Equal(2, html.Split("</b>").Length - 1);
    }
}
