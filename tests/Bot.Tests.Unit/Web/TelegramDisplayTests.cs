using Bot.Worker.Web.Console;

namespace Bot.Tests.Unit.Web;

public sealed class TelegramDisplayTests
{
    private static string Show(string telegramHtml) => TelegramDisplay.ToSafeHtml(telegramHtml).ToString()!;

    [Fact]
    public void Bold_italic_and_links_stay_formatting()
    {
        Assert.Equal(
            "<b>Alert</b> <i>now</i> <a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener noreferrer\" target=\"_blank\">see</a>",
            Show("<strong>Alert</strong> <em>now</em> <a href=\"https://example.org/a?b=1&amp;c=2\">see</a>"));
    }

    [Fact]
    public void Escaped_text_stays_text_and_is_never_markup()
    {
        var shown = Show("Fake &lt;b&gt;x&lt;/b&gt; &amp; y\n<script>alert(1)</script>");

        Assert.DoesNotContain("<b>", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", shown, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;x&lt;/b&gt; &amp; y\n", shown, StringComparison.Ordinal);
        Assert.Contains("alert(1)", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_tags_are_dropped_with_their_text_kept_and_unsafe_links_are_no_links()
    {
        Assert.Equal("spoiler code quote js", Show("<tg-spoiler>spoiler</tg-spoiler> <code>code</code> <blockquote>quote</blockquote> <a href=\"javascript:alert(1)\">js</a>"));
    }

    [Fact]
    public void Output_stays_balanced_whatever_comes_in()
    {
        Assert.Equal("<b>a<i>bc</i></b>", Show("<b>a<i>b</b>c</i>"));
    }
}
