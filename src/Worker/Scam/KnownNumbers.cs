namespace Bot.Worker.Scam;

/// <summary>The entries of known-numbers.yaml, looked up by normalized value (phone numbers share one namespace).</summary>
internal sealed class KnownNumbers
{
    public static readonly KnownNumbers Empty = new([]);

    private readonly Dictionary<(bool IsPhone, EntityKind Kind, string Value), KnownNumber> _entries = [];

    public KnownNumbers(IEnumerable<KnownNumber> entries)
    {
        foreach (var entry in entries)
        {
            _entries[Key(entry.Type, entry.Value)] = entry;
        }
        All = [.. _entries.Values];
    }

    public IReadOnlyList<KnownNumber> All { get; }

    /// <summary>These entries and <paramref name="stored"/> (from the database) together; these win on a clash.</summary>
    public KnownNumbers With(IReadOnlyCollection<KnownNumber> stored) => stored.Count == 0 ? this : new KnownNumbers(stored.Concat(All));

    public KnownNumber? Find(ScamEntity entity) =>
        entity.Kind == EntityKind.Link ? null : _entries.GetValueOrDefault(Key(entity.Kind, entity.Value));

    private static (bool, EntityKind, string) Key(EntityKind kind, string value) => kind switch
    {
        EntityKind.QQ or EntityKind.WeChat => (false, kind, value),
        _ => (true, EntityKind.Mobile, value),
    };
}
