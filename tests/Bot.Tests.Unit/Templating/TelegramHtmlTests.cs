using Bot.Worker.Transport;

namespace Bot.Tests.Unit.Templating;

public sealed class TelegramHtmlTests
{
    [Theory]
    [InlineData("<b>&x", "&lt;b&gt;&amp;x")]
    [InlineData("say \"hi\"", "say &quot;hi&quot;")]
    [InlineData("plain 中文", "plain 中文")]
    public void Escapes_the_four_characters_telegram_cares_about(string text, string expected) =>
        Assert.Equal(expected, TelegramHtml.Escape(text));

    [Fact]
    public void Plain_text_drops_tags_and_decodes_entities() =>
        Assert.Equal("Hi <you> & me", TelegramHtml.ToPlainText("<b>Hi</b> &lt;you&gt; &amp; <i>me</i>"));
}
