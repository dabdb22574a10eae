namespace Bot.Worker.Channels;

/// <summary>
/// One line of a message (the source's newlines end lines). Styles never cross lines, so a converter renders each
/// line alone and a split may fall between any two. <paramref name="BlockId"/> tells consecutive quotes or
/// <c>pre</c> blocks apart.
/// </summary>
internal sealed record RichLine(IReadOnlyList<RichRun> Runs, RichBlock Block = RichBlock.Text, int BlockId = 0)
{
    public string Text => string.Concat(Runs.Select(r => r.Text));

    public bool IsBlank => string.IsNullOrWhiteSpace(Text);

    public bool HasLink => Runs.Any(r => r.Href is not null);
}
