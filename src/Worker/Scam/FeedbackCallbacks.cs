using Bot.Worker.Transport;

namespace Bot.Worker.Scam;

/// <summary>
/// The buttons under a verdict, both directions (<c>fb:VERB:ID</c>, ID the kept verdict's): <c>r</c> 👍 Right, <c>w</c> 👎 Wrong,
/// and after 👎 in a private chat <c>s</c> Send it to our team (the next message becomes a wrong-verdict report).
/// </summary>
internal static class FeedbackCallbacks
{
    public const string Prefix = "fb";
    public const string Right = "r", Wrong = "w", Send = "s";

    public static string Data(string verb, long verdictId) => new CallbackData(Prefix, verb, verdictId).ToString();
}
