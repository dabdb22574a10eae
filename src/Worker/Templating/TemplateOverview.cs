using Bot.Worker.Chats;
using Bot.Worker.Templating.Kinds;

namespace Bot.Worker.Templating;

/// <summary>
/// The template use cases that only read, for every door (chat commands, web pages): the live version of
/// every template and language with its author and time (/templates), and one template's versions (/history).
/// </summary>
internal sealed class TemplateOverview(TemplateKinds kinds, TemplateStore store)
{
    /// <summary>Every live version, by name, then language.</summary>
    public async Task<IReadOnlyList<TemplateVersion>> LiveAsync(CancellationToken ct) =>
        [.. (await store.LiveAsync(ct))
            .OrderBy(v => v.Name, StringComparer.Ordinal)
            .ThenBy(v => v.Language, StringComparer.Ordinal)];

    /// <summary>Every version of NAME in LANGUAGE, newest first; null when there is no such kind or language.</summary>
    public async Task<IReadOnlyList<TemplateVersion>?> HistoryAsync(string name, string language, CancellationToken ct) =>
        kinds.Find(name) is null || Languages.Parse(language) is not { } lang ? null : await store.HistoryAsync(name, lang, ct);
}
