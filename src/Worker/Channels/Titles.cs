namespace Bot.Worker.Channels;

/// <summary>Titles and subjects: the message's first line as plain text, at most 100 characters.</summary>
internal static class Titles
{
    public const int MaxLength = 100;

    /// <summary>A robot message's title: <see cref="Plain"/> with mentions neutralized.</summary>
    public static string Of(IReadOnlyList<RichLine> lines) => Mentions.Neutralize(Plain(lines));

    /// <summary>The first line with visible text, shortened to <see cref="MaxLength"/> characters with "…".</summary>
    public static string Plain(IReadOnlyList<RichLine> lines)
    {
        var first = RichText.FirstLine(lines);
        if (first.Length > MaxLength)
        {
            var cut = MaxLength - 1;
            if (char.IsLowSurrogate(first[cut]))
            {
                cut--;
            }
            first = first[..cut] + "…";
        }
        return first;
    }

    /// <summary>"Title (2/3)" for every part but the first of a split message.</summary>
    public static string Numbered(string title, int index, int count) =>
        count <= 1 || index == 0 ? title : $"{title} ({index + 1}/{count})";
}
