namespace Bot.FakeTelegram;

public sealed record TelegramHtmlResult(bool Ok, string? Error, string VisibleText, IReadOnlyList<TextEntity> Entities)
{
    // Length as Telegram counts it: UTF-16 code units of the text after entity parsing.
    public int VisibleLength => VisibleText.Length;

    public void Deconstruct(out bool ok, out string? error, out int visibleLength)
    {
        ok = Ok;
        error = Error;
        visibleLength = VisibleLength;
    }
}
