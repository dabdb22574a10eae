using MimeKit;

namespace Bot.Worker.Channels;

/// <summary>
/// Builds the MIME message: From, To, Subject (the first line, plain), Date, Message-ID (<see cref="EmailMessageIds"/>),
/// <c>Auto-Submitted: auto-generated</c> (no out-of-office replies), and a <c>multipart/alternative</c> body with the
/// plain text first and the HTML second, both UTF-8. Pure: no clock, no I/O.
/// </summary>
internal static class EmailComposer
{
    /// <summary>Throws <see cref="ParseException"/> for an address that is not one.</summary>
    public static MimeMessage Compose(string from, EmailMessage message, DateTimeOffset now)
    {
        var sender = MailboxAddress.Parse(from);
        var recipient = MailboxAddress.Parse(message.To);
        if (message.ToName is { Length: > 0 } name)
        {
            recipient.Name = name;
        }
        var lines = RichText.Parse(message.TelegramHtml);
        var mime = new MimeMessage
        {
            Subject = Titles.Plain(lines),
            Date = now,
            MessageId = EmailMessageIds.For(message.RowKey, sender.Address),
        };
        mime.From.Add(sender);
        mime.To.Add(recipient);
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        var plain = new TextPart("plain");
        plain.SetText("utf-8", EmailText.Convert(lines));
        var html = new TextPart("html");
        html.SetText("utf-8", EmailHtml.Convert(lines));
        mime.Body = new MultipartAlternative { plain, html };
        return mime;
    }
}
