using System.Text.RegularExpressions;

namespace Bot.Worker.Channels;

/// <summary>
/// Keeps a value from mentioning anyone in a group robot's message: a zero-width space (U+200B) after the "@" of
/// @all, @所有人, @everyone and @here, and after the "&lt;" of a mention tag (&lt;@userid&gt;, &lt;at ...&gt;). Invisible
/// to readers; the apps no longer see a mention.
/// </summary>
internal static partial class Mentions
{
    public const char ZeroWidthSpace = '\u200B';

    public static string Neutralize(string text) =>
        text.Contains('@', StringComparison.Ordinal) || text.Contains('<', StringComparison.Ordinal)
            ? MentionTag().Replace(EveryoneMention().Replace(text, "@\u200B"), "<\u200B")
            : text;

    [GeneratedRegex(@"@(?=(all|everyone|here|所有人|全体成员)(?![A-Za-z0-9_]))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EveryoneMention();

    [GeneratedRegex(@"<(?=@|at[\s>])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MentionTag();
}
