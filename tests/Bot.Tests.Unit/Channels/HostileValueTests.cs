using Bot.Worker.Channels;
using Bot.Worker.Transport;

namespace Bot.Tests.Unit.Channels;

/// <summary>A value a template escaped for Telegram (a deadline title, a name) must show as typed in every channel and start no markup there.</summary>
public sealed class HostileValueTests
{
    private const string Z = "\u200B";

    public static TheoryData<string, string> MarkdownEscapes() => new()
    {
        { "**[x](y)**", @"\*\*\[x\](y)\*\*" },
        { "<b>bold?</b>", $"<{Z}b>bold?<{Z}/b>" },
        { "`rm -rf /`", @"\`rm -rf /\`" },
        { "snake_case_name", @"snake\_case\_name" },
        { "@all please", $"@{Z}all please" },
        { "@所有人 请注意", $"@{Z}所有人 请注意" },
        { "<@all>", $"<{Z}@{Z}all>" },
        { "<font color=\"warning\">x</font>", $"<{Z}font color=\"warning\">x<{Z}/font>" },
        { "# not a heading", $"{Z}# not a heading" },
        { "> not a quote", $"{Z}> not a quote" },
        { "- not a list", $"{Z}- not a list" },
        { "1. not a list", $"{Z}1. not a list" },
        { "&lt;literal&gt;", $"&{Z}lt;literal&{Z}gt;" },
        { @"back\slash", @"back\\slash" },
        { "~~strike~~", @"\~\~strike\~\~" },
        { "a@allowed.cn", "a@allowed.cn" },
    };

    [Theory]
    [MemberData(nameof(MarkdownEscapes))]
    public void A_value_is_escaped_in_WeCom_markdown(string value, string expected)
    {
        Assert.Equal([expected], WeComMarkdown.Convert(TelegramHtml.Escape(value)));
    }

    [Theory]
    [MemberData(nameof(MarkdownEscapes))]
    public void A_value_is_escaped_in_DingTalk_markdown(string value, string expected)
    {
        Assert.Equal(expected, Assert.Single(DingTalkMarkdown.Convert(TelegramHtml.Escape(value))).Text);
    }

    [Fact]
    public void A_bold_value_stays_one_bold_span_in_markdown()
    {
        var html = $"Due: <b>{TelegramHtml.Escape("**[x](y)** `@all`")}</b>";

        Assert.Equal([$@"Due: **\*\*\[x\](y)\*\* \`@{Z}all\`**"], WeComMarkdown.Convert(html));
    }

    [Fact]
    public void A_value_reaches_Feishu_as_typed_but_mentions_nobody()
    {
        var html = $"Title\n<b>{TelegramHtml.Escape("**[x](y)** <b> `x` _y_ @all <at user_id=\"all\">")}</b>";

        var message = Assert.Single(FeishuPost.Convert(html));

        var element = Assert.Single(Assert.Single(message.Paragraphs)!.AsArray())!;
        Assert.Equal($"**[x](y)** <b> `x` _y_ @{Z}all <{Z}at user_id=\"all\">", (string?)element["text"]);
        Assert.Equal("bold", (string?)element["style"]![0]);
    }

    [Fact]
    public void A_value_is_escaped_in_email_html()
    {
        var html = $"<b>{TelegramHtml.Escape("<script>alert('x')</script> & \"q\"")}</b>";

        var document = EmailHtml.Convert(html);

        Assert.Contains("<strong>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</strong>", document, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", document, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_is_plain_in_email_text()
    {
        var value = "**[x](y)** <b> `x` @all & \"q\"";

        Assert.Equal(value + "\n", EmailText.Convert($"<i>{TelegramHtml.Escape(value)}</i>"));
    }

    [Fact]
    public void A_tag_Telegram_does_not_know_is_text_everywhere()
    {
        const string html = "<script>x</script>";

        Assert.Equal([$"<{Z}script>x<{Z}/script>"], WeComMarkdown.Convert(html));
        Assert.Contains("&lt;script&gt;x&lt;/script&gt;", EmailHtml.Convert(html), StringComparison.Ordinal);
        Assert.Equal("<script>x</script>\n", EmailText.Convert(html));
    }

    [Fact]
    public void A_title_mentions_nobody()
    {
        var message = Assert.Single(DingTalkMarkdown.Convert("<b>@all urgent</b>\nbody"));

        Assert.Equal($"@{Z}all urgent", message.Title);
        Assert.Equal($"@{Z}all urgent", Assert.Single(FeishuPost.Convert("<b>@all urgent</b>\nbody")).Title);
        Assert.Equal("@all urgent", EmailText.Subject("<b>@all urgent</b>\nbody"));
    }
}
