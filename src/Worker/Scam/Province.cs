namespace Bot.Worker.Scam;

/// <summary>A province-level division: its full name as the geocoder writes it (zh-Hans), and the short, Traditional and English names people report it by.</summary>
internal sealed record Province(string Name, string Short, string Traditional, string English)
{
    /// <summary>True when <paramref name="text"/> (folded: case-insensitive for English) names this province in any of its forms.</summary>
    public bool IsNamedIn(string text) =>
        text.Contains(Short, StringComparison.Ordinal) || text.Contains(Traditional, StringComparison.Ordinal)
        || text.Contains(English, StringComparison.OrdinalIgnoreCase);
}
