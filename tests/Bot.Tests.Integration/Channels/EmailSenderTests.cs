using Bot.Worker.Channels;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Bot.Tests.Integration.Channels;

/// <summary>The e-mail sender (MailKit) against a real SMTP server on loopback.</summary>
public sealed class EmailSenderTests
{
    private const string Reminder = "<b>⏰ Deadline reminder: Monthly report</b>\nDue: <b>2026-12-10 17:00</b>\n<a href=\"https://bot.example.cn/ack/abc\">Done</a> · <a href=\"https://bot.example.cn/ack/def\">Snooze 1h</a>";

    [Fact]
    public async Task A_message_arrives_with_both_parts_the_subject_the_links_and_the_message_id()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        await using var sender = Sender(smtp.Port);

        var result = await sender.SendAsync(new EmailMessage("li.na@example.cn", Reminder, "dl:7:remind:1d@2026-12-09:email:li.na@example.cn", "Li Na"), CancellationToken.None);

        Assert.Equal(ChannelResult.Sent(), result);
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal("⏰ Deadline reminder: Monthly report", mail.Subject);
        Assert.Equal(EmailMessageIds.For("dl:7:remind:1d@2026-12-09:email:li.na@example.cn", "bot@example.cn"), mail.MessageId);
        Assert.Equal("\"Reminder bot\" <bot@example.cn>", mail.From.ToString());
        Assert.Equal("\"Li Na\" <li.na@example.cn>", mail.To.ToString());
        var body = Assert.IsType<MultipartAlternative>(mail.Body);
        Assert.Equal(["text/plain", "text/html"], body.Select(p => p.ContentType.MimeType));
        Assert.Contains("Done (https://bot.example.cn/ack/abc) · Snooze 1h (https://bot.example.cn/ack/def)", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://bot.example.cn/ack/abc\">Done</a>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://bot.example.cn/ack/def\">Snooze 1h</a>", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_messages_share_one_connection()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        await using var sender = Sender(smtp.Port);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(ChannelOutcome.Sent, (await sender.SendAsync(new EmailMessage($"m{i}@example.cn", Reminder, $"row-{i}"), CancellationToken.None)).Outcome);
        }

        Assert.Equal(5, smtp.Messages.Count);
        Assert.Equal(1, sender.Connections);
        Assert.Equal(1, smtp.Sessions);
    }

    [Fact]
    public async Task It_logs_in_when_a_user_is_configured()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync("bot", "pa55word-xyz");
        await using var sender = Sender(smtp.Port, user: "bot", password: "pa55word-xyz");

        var result = await sender.SendAsync(new EmailMessage("li.na@example.cn", Reminder, "row"), CancellationToken.None);

        Assert.Equal(ChannelOutcome.Sent, result.Outcome);
        Assert.Equal([("bot", "pa55word-xyz")], smtp.Logins);
    }

    [Fact]
    public async Task A_refused_login_fails_without_showing_the_password()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync("bot", "pa55word-xyz");
        var log = new CapturedLog<EmailSender>();
        await using var sender = Sender(smtp.Port, user: "bot", password: "wrong-pa55word", log: log);

        var result = await sender.SendAsync(new EmailMessage("li.na@example.cn", Reminder, "row"), CancellationToken.None);

        Assert.Equal(ChannelOutcome.Failed, result.Outcome);
        Assert.Contains("login", result.Reason, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages);
        Assert.DoesNotContain("wrong-pa55word", result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(log.Lines, l => l.Contains("wrong-pa55word", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_recipient_fails_and_the_next_message_goes_on_the_same_connection()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        smtp.Refused["left@example.cn"] = true;
        var log = new CapturedLog<EmailSender>();
        await using var sender = Sender(smtp.Port, log: log);

        var refused = await sender.SendAsync(new EmailMessage("left@example.cn", Reminder, "row-1"), CancellationToken.None);
        var next = await sender.SendAsync(new EmailMessage("li.na@example.cn", Reminder, "row-2"), CancellationToken.None);

        Assert.Equal(ChannelOutcome.Failed, refused.Outcome);
        Assert.StartsWith("SMTP 550", refused.Reason, StringComparison.Ordinal);
        Assert.Contains(log.Errors, l => l.Contains("left@example.cn", StringComparison.Ordinal));
        Assert.Equal(ChannelOutcome.Sent, next.Outcome);
        Assert.Equal(1, sender.Connections);
    }

    [Fact]
    public async Task An_address_that_is_not_one_fails_without_connecting()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        await using var sender = Sender(smtp.Port);

        var result = await sender.SendAsync(new EmailMessage("not an address <", Reminder, "row"), CancellationToken.None);

        Assert.Equal(ChannelResult.Failed("not an e-mail address"), result);
        Assert.Equal(0, sender.Connections);
    }

    [Fact]
    public async Task A_server_that_is_down_is_transient()
    {
        await using var sender = Sender(LoopbackSmtpServer.FreePort());

        var result = await sender.SendAsync(new EmailMessage("li.na@example.cn", Reminder, "row"), CancellationToken.None);

        Assert.Equal(ChannelOutcome.Transient, result.Outcome);
    }

    [Fact]
    public async Task A_connection_the_server_dropped_is_opened_again()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        await using var sender = Sender(smtp.Port);
        Assert.Equal(ChannelOutcome.Sent, (await sender.SendAsync(new EmailMessage("a@example.cn", Reminder, "row-1"), CancellationToken.None)).Outcome);

        await smtp.StopAsync();
        await smtp.StartAsync();
        var result = await sender.SendAsync(new EmailMessage("b@example.cn", Reminder, "row-2"), CancellationToken.None);

        Assert.Equal(ChannelOutcome.Sent, result.Outcome);
        Assert.Equal(2, smtp.Messages.Count);
        Assert.Equal(2, sender.Connections);
    }

    [Fact]
    public async Task Over_Email_PerMinute_a_message_is_deferred_without_connecting()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        await using var sender = Sender(smtp.Port, perMinute: 2);

        var results = new List<ChannelResult>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await sender.SendAsync(new EmailMessage("a@example.cn", Reminder, $"row-{i}"), CancellationToken.None));
        }

        Assert.Equal([ChannelOutcome.Sent, ChannelOutcome.Sent, ChannelOutcome.Deferred], results.Select(r => r.Outcome));
        Assert.Equal(2, smtp.Messages.Count);
    }

    private static EmailSender Sender(int port, string user = "", string password = "", int perMinute = 600, CapturedLog<EmailSender>? log = null) =>
        new(Options.Create(new EmailOptions
        {
            Host = "127.0.0.1",
            Port = port,
            Security = EmailSecurity.None,
            User = user,
            Password = password,
            From = "Reminder bot <bot@example.cn>",
            PerMinute = perMinute,
        }), TimeProvider.System, log ?? new CapturedLog<EmailSender>());
}
