namespace Bot.Worker.Batches;

/// <summary>The states of a batch item (<c>batch_items.state</c>): pending until someone sets one of the other three.</summary>
internal static class BatchItemState
{
    public const string Pending = "pending", Suspended = "suspended", NotSuspended = "not_suspended", Reopened = "reopened";

    public static readonly IReadOnlyList<string> All = [Pending, Suspended, NotSuspended, Reopened];

    /// <summary>What a member may set an item to.</summary>
    public static readonly IReadOnlyList<string> Settable = [Suspended, NotSuspended, Reopened];

    /// <summary>Not suspended and reopened need a reason (notice 000: "务必在备注栏目中详细填写具体原因").</summary>
    public static bool NeedsReason(string state) => state is NotSuspended or Reopened;
}
