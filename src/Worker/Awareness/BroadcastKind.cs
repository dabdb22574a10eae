namespace Bot.Worker.Awareness;

internal static class BroadcastKind
{
    public const string Campaign = "campaign";
    public const string Alert = "alert";
}
