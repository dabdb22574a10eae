using System.Collections.Frozen;

namespace Bot.Worker.Scam;

/// <summary>
/// Folds Traditional characters to Simplified with the map shipped in scam-signs.yaml, so one set of
/// Simplified patterns recognises zh-Hant messages too. Applied to the input and to every pattern.
/// </summary>
internal sealed class TraditionalFold(IReadOnlyDictionary<char, char> map)
{
    private readonly FrozenDictionary<char, char> _map = map.ToFrozenDictionary();

    public int Count => _map.Count;

    public string Apply(string text)
    {
        var index = IndexOfFirst(text);
        if (index < 0)
        {
            return text;
        }
        return string.Create(text.Length, (text, index, _map), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            for (var i = state.index; i < span.Length; i++)
            {
                if (state._map.TryGetValue(span[i], out var simplified))
                {
                    span[i] = simplified;
                }
            }
        });
    }

    private int IndexOfFirst(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] >= '\u3400' && _map.ContainsKey(text[i]))
            {
                return i;
            }
        }
        return -1;
    }
}
