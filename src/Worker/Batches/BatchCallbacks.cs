using Bot.Worker.Transport;

namespace Bot.Worker.Batches;

/// <summary>
/// The item buttons' data, both directions (<c>bt:VERB:ITEM</c>): <c>s</c> Suspended, <c>n</c> Not suspended, <c>r</c> Reopened,
/// each the state it sets.
/// </summary>
internal static class BatchCallbacks
{
    public const string Prefix = "bt";
    public const string Suspended = "s", NotSuspended = "n", Reopened = "r";

    public static string Data(string state, long itemId) => new CallbackData(Prefix, VerbOf(state), itemId).ToString();

    /// <summary>The state a verb sets; null for an unknown verb.</summary>
    public static string? StateOf(string verb) => verb switch
    {
        Suspended => BatchItemState.Suspended,
        NotSuspended => BatchItemState.NotSuspended,
        Reopened => BatchItemState.Reopened,
        _ => null,
    };

    private static string VerbOf(string state) => state switch
    {
        BatchItemState.Suspended => Suspended,
        BatchItemState.NotSuspended => NotSuspended,
        BatchItemState.Reopened => Reopened,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "not a state a button sets"),
    };
}
