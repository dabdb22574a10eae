using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Bot.Tests.Integration.FakeServer;

public sealed class HtmlParseModeTests : FakeServerTest
{
    [Fact]
    public async Task Properly_nested_tags_are_accepted_with_their_entities()
    {
        const string html = """
            <b>bold <i>both</i></b> <a href="https://example.org/?a=1&amp;b=2">link</a> <a href='tg://user?id=1'>me</a>
            <tg-spoiler>s</tg-spoiler> <span class="tg-spoiler">t</span> <code>x &lt; y</code>
            <pre><code class="language-csharp">var x = 1;</code></pre><blockquote expandable>quote</blockquote> <u>u</u> <s>s</s>
            """;

        var message = await Bot.SendMessage(42, html, ParseMode.Html);

        Assert.StartsWith("bold both link me\n", message.Text, StringComparison.Ordinal);
        Assert.Contains("x < y", message.Text, StringComparison.Ordinal);
        var pre = Assert.Single(message.Entities!, e => e.Type == MessageEntityType.Pre);
        Assert.Equal("csharp", pre.Language);
        Assert.Equal("https://example.org/?a=1&b=2", message.Entities!.First(e => e.Type == MessageEntityType.TextLink).Url);
        Assert.Contains(message.Entities!, e => e.Type == MessageEntityType.ExpandableBlockquote);
        Assert.Equal(2, message.Entities!.Count(e => e.Type == MessageEntityType.Spoiler));
    }

    [Theory]
    [InlineData("<b>unclosed", "Can't find end tag corresponding to start tag \"b\"")]
    [InlineData("<b><i>crossed</b></i>", "Unmatched end tag")]
    [InlineData("line<br>break", "Unsupported start tag \"br\"")]
    [InlineData("<div>block</div>", "Unsupported start tag \"div\"")]
    [InlineData("self<b/>closing", "Unsupported start tag \"b/\"")]
    [InlineData("a &nbsp; b", "Unsupported HTML entity \"&nbsp;\"")]
    [InlineData("Tom & Jerry", "Unescaped \"&\"")]
    [InlineData("1 < 2", "Unescaped \"<\"")]
    [InlineData("stray </b>", "Unexpected end tag")]
    [InlineData("<span>plain span</span>", "must have class \"tg-spoiler\"")]
    public async Task Bad_html_is_rejected_like_telegram(string html, string reason)
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(42, html, ParseMode.Html));

        Assert.Equal(400, error.ErrorCode);
        Assert.StartsWith("Bad Request: can't parse entities: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Empty(Server.Sent);
    }

    [Fact]
    public async Task SendMessage_with_unclosed_tag_is_rejected_like_telegram()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(42, "<b>Deadline <i>soon</b>", ParseMode.Html));

        Assert.Equal("Bad Request: can't parse entities: Unmatched end tag at byte offset 19, expected \"</i>\", found \"</b>\"", error.Message);
    }

    [Fact]
    public async Task Without_parse_mode_tags_are_plain_text()
    {
        var message = await Bot.SendMessage(42, "<b>not bold</b> & <br>");

        Assert.Equal("<b>not bold</b> & <br>", message.Text);
        Assert.Null(message.Entities);
    }
}
