using Bot.Worker.Templating;

namespace Bot.Worker.Awareness;

/// <summary>The next tip a chat has not had, in library order; when all are seen, the rotation starts over.</summary>
internal static class TipPicker
{
    public static (Tip Tip, int Number, bool StartsOver) Next(IReadOnlyList<Tip> tips, IEnumerable<string> seen)
    {
        var had = seen as IReadOnlySet<string> ?? seen.ToHashSet();
        for (var i = 0; i < tips.Count; i++)
        {
            if (!had.Contains(tips[i].Id))
            {
                return (tips[i], i + 1, false);
            }
        }
        return (tips[0], 1, true);
    }
}
