namespace Bot.Worker.Channels;

/// <summary>Text with one set of styles; <paramref name="Href"/> is a link's target, already checked by <see cref="SafeLinks"/> (null: no link).</summary>
internal sealed record RichRun(string Text, RichStyle Style, string? Href = null)
{
    public bool Has(RichStyle style) => (Style & style) == style;
}
