namespace Bot.FakeTelegram;

// Telegram's HTML parse mode, strict: bare '<' and '&' are errors, as the Bot API docs ask.
public static class TelegramHtml
{
    public static TelegramHtmlResult Validate(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return HtmlParser.Parse(html);
    }

    // The text a user would see; the input itself when it does not parse.
    public static string ToVisibleText(string html)
    {
        var result = Validate(html);
        return result.Ok ? result.VisibleText : html;
    }
}
