namespace Bot.Worker.Chats;

/// <summary>The three languages the bot speaks, and how Telegram's language codes map onto them.</summary>
internal static class Languages
{
    public const string SimplifiedChinese = "zh-Hans";
    public const string TraditionalChinese = "zh-Hant";
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = [SimplifiedChinese, TraditionalChinese, English];

    /// <summary>The supported language named exactly (case-insensitive), or null.</summary>
    public static string? Parse(string? value) =>
        All.FirstOrDefault(l => string.Equals(l, value?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Maps a client's IETF tag (zh-hans, zh-TW, en-US, ...) to a supported language, or null.</summary>
    public static string? FromClient(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        var c = code.Trim().ToLowerInvariant();
        if (c.StartsWith("zh", StringComparison.Ordinal))
        {
            return c.Contains("hant", StringComparison.Ordinal) || c.EndsWith("-tw", StringComparison.Ordinal)
                || c.EndsWith("-hk", StringComparison.Ordinal) || c.EndsWith("-mo", StringComparison.Ordinal)
                ? TraditionalChinese
                : SimplifiedChinese;
        }
        return c.StartsWith("en", StringComparison.Ordinal) ? English : null;
    }
}
