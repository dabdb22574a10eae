namespace Bot.Worker.Channels;

/// <summary>
/// Splits a message's lines into parts that fit a channel's limit, as Telegram's splitter does: whole lines, a cut
/// at a paragraph (a blank line) when one falls in the second half of a part, and only a line too long on its own
/// is cut, after a space when it can be. Sizes are the channel's own (UTF-8 bytes of what it sends), measured per line.
/// </summary>
internal static class LinePacker
{
    public static IReadOnlyList<IReadOnlyList<RichLine>> Pack(IReadOnlyList<RichLine> lines, int limit, Func<RichLine, int> size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 16);
        var pieces = new List<(RichLine Line, int Size)>();
        foreach (var line in lines)
        {
            var lineSize = size(line);
            if (lineSize <= limit)
            {
                pieces.Add((line, lineSize));
                continue;
            }
            pieces.AddRange(CutLine(line, limit, size).Select(piece => (piece, size(piece))));
        }

        var parts = new List<IReadOnlyList<RichLine>>();
        var a = 0;
        while (a < pieces.Count)
        {
            var b = a;
            var sum = pieces[a].Size;
            while (b + 1 < pieces.Count && sum + pieces[b + 1].Size <= limit)
            {
                sum += pieces[++b].Size;
            }
            if (b + 1 < pieces.Count)
            {
                b = PreferParagraphEnd(pieces, a, b, limit);
            }
            var part = pieces.Skip(a).Take(b - a + 1).Select(p => p.Line).ToList();
            TrimBlankEnds(part);
            if (part.Count > 0)
            {
                parts.Add(part);
            }
            a = b + 1;
        }
        return parts.Count > 0 ? parts : [lines];
    }

    private static int PreferParagraphEnd(List<(RichLine Line, int Size)> pieces, int a, int b, int limit)
    {
        var sum = 0;
        var best = b;
        for (var i = a; i < b; i++)
        {
            sum += pieces[i].Size;
            if (pieces[i + 1].Line.IsBlank && sum >= limit / 2)
            {
                best = i + 1;
            }
        }
        return best;
    }

    private static void TrimBlankEnds(List<RichLine> part)
    {
        while (part.Count > 0 && part[0].IsBlank)
        {
            part.RemoveAt(0);
        }
        while (part.Count > 0 && part[^1].IsBlank)
        {
            part.RemoveAt(part.Count - 1);
        }
    }

    /// <summary>Cuts one line into pieces that each fit, never inside a surrogate pair.</summary>
    private static List<RichLine> CutLine(RichLine line, int limit, Func<RichLine, int> size)
    {
        var pieces = new List<RichLine>();
        var rest = line;
        while (size(rest) > limit && rest.Text.Length > 1)
        {
            var length = rest.Text.Length;
            var (low, high) = (1, length - 1);
            while (low < high)
            {
                var mid = (low + high + 1) / 2;
                if (size(Slice(rest, 0, mid)) <= limit)
                {
                    low = mid;
                }
                else
                {
                    high = mid - 1;
                }
            }
            var cut = AfterSpace(rest.Text, low);
            if (char.IsLowSurrogate(rest.Text[cut]) && cut > 1)
            {
                cut--;
            }
            pieces.Add(Slice(rest, 0, cut));
            rest = Slice(rest, cut, length);
        }
        pieces.Add(rest);
        return pieces;
    }

    private static int AfterSpace(string text, int cut)
    {
        var space = text.LastIndexOf(' ', cut - 1);
        return space >= cut / 2 ? space + 1 : cut;
    }

    /// <summary>The characters [start, end) of a line, with their runs' styles.</summary>
    private static RichLine Slice(RichLine line, int start, int end)
    {
        var runs = new List<RichRun>();
        var position = 0;
        foreach (var run in line.Runs)
        {
            var from = Math.Max(start, position);
            var to = Math.Min(end, position + run.Text.Length);
            if (from < to)
            {
                runs.Add(run with { Text = run.Text[(from - position)..(to - position)] });
            }
            position += run.Text.Length;
        }
        return line with { Runs = runs };
    }
}
