using Bot.Worker.Chats;

namespace Bot.Worker.Templating;

/// <summary>
/// The <see cref="ChineseTypography"/> rule over the Chinese labels (labels.yaml) and tips (tips.yaml), which
/// are plain text and not templates: one line per text that breaks it, naming the file, language and key.
/// </summary>
internal static class ChineseTextCheck
{
    public static IEnumerable<string> Problems(Labels labels, TipLibrary tips)
    {
        foreach (var language in Languages.All.Where(ChineseTypography.AppliesTo))
        {
            foreach (var (key, text) in labels.All(language).OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                if (Describe(text) is { } problem)
                {
                    yield return $"labels.yaml: {language} {key}: {problem}";
                }
            }
            foreach (var tip in tips.Tips)
            {
                if (tip.Texts.TryGetValue(language, out var tipText))
                {
                    if (Describe(tipText.Title) is { } inTitle)
                    {
                        yield return $"tips.yaml: {tip.Id} {language} title: {inTitle}";
                    }
                    if (Describe(tipText.Body) is { } inBody)
                    {
                        yield return $"tips.yaml: {tip.Id} {language} body: {inBody}";
                    }
                }
            }
        }
    }

    /// <summary>The rule's message and the text up to the mark, so it can be found in the file.</summary>
    private static string? Describe(string text)
    {
        if (ChineseTypography.FirstMark(text) is not { } at)
        {
            return null;
        }
        var from = Math.Max(0, at - 8);
        return $"{ChineseTypography.Message(text[at])} (at \"{(from > 0 ? "…" : "")}{text[from..(at + 1)].ReplaceLineEndings(" ")}\")";
    }
}
