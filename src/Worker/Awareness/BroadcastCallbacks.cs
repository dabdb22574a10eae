using Bot.Worker.Transport;

namespace Bot.Worker.Awareness;

/// <summary>The buttons under a broadcast notice, both directions (<c>bc:VERB:ID</c>): <c>a</c> Approve, <c>r</c> Reject.</summary>
internal static class BroadcastCallbacks
{
    public const string Prefix = "bc";
    public const string Approve = "a", Reject = "r";

    public static string Data(string verb, long id) => new CallbackData(Prefix, verb, id).ToString();
}
