using Bot.Worker.Channels;
using MimeKit;

namespace Bot.Tests.Unit.Channels;

public sealed class EmailComposerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private const string Html = "<b>⏰ Deadline reminder: Monthly report</b>\nDue <b>2026-12-10</b>\n<a href=\"https://bot.example.cn/ack/abc\">Done</a>";

    [Fact]
    public void A_message_is_plain_text_then_html_with_the_first_line_as_subject()
    {
        var mime = EmailComposer.Compose("Reminder bot <bot@example.cn>", new EmailMessage("li.na@example.cn", Html, "dl:1:remind:1d@x:email:li.na@example.cn", "Li Na"), Now);

        var body = Assert.IsType<MultipartAlternative>(mime.Body);
        Assert.Equal(["text/plain", "text/html"], body.Select(p => p.ContentType.MimeType));
        Assert.Equal("⏰ Deadline reminder: Monthly report", mime.Subject);
        Assert.Equal("\"Li Na\" <li.na@example.cn>", mime.To.ToString());
        Assert.Equal("\"Reminder bot\" <bot@example.cn>", mime.From.ToString());
        Assert.Contains("Done (https://bot.example.cn/ack/abc)", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://bot.example.cn/ack/abc\">Done</a>", mime.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("auto-generated", mime.Headers["Auto-Submitted"]);
        Assert.Equal(Now, mime.Date);
    }

    [Fact]
    public void The_message_id_comes_from_the_row_key_and_the_senders_domain()
    {
        var one = EmailComposer.Compose("bot@example.cn", new EmailMessage("a@example.cn", Html, "key-1"), Now);
        var again = EmailComposer.Compose("bot@example.cn", new EmailMessage("a@example.cn", Html, "key-1"), Now.AddHours(1));
        var other = EmailComposer.Compose("bot@example.cn", new EmailMessage("a@example.cn", Html, "key-2"), Now);

        Assert.Matches("^[0-9a-f]{32}@example.cn$", one.MessageId);
        Assert.Equal(one.MessageId, again.MessageId);
        Assert.NotEqual(one.MessageId, other.MessageId);
        Assert.DoesNotContain("key-1", one.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public void An_address_that_is_not_one_is_refused()
    {
        Assert.Throws<ParseException>(() => EmailComposer.Compose("bot@example.cn", new EmailMessage("not an address <", Html, "k"), Now));
    }
}
