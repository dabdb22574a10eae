using System.Text.Json;
using Bot.Worker.Transport;

namespace Bot.Worker.Delivery;

/// <summary>Inline buttons as stored in an outbox row: [[["text","data"], ...], ...].</summary>
internal static class ButtonsJson
{
    public static string? Serialize(IReadOnlyList<IReadOnlyList<InlineButton>>? rows) =>
        rows is null || rows.Count == 0
            ? null
            : JsonSerializer.Serialize(rows.Select(r => r.Select(b => new[] { b.Text, b.Data })));

    public static IReadOnlyList<IReadOnlyList<InlineButton>>? Deserialize(string? json) =>
        json is null
            ? null
            : JsonSerializer.Deserialize<string[][][]>(json)!
                .Select(r => (IReadOnlyList<InlineButton>)r.Select(b => new InlineButton(b[0], b[1])).ToList())
                .ToList();
}
