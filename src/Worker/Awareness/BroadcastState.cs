namespace Bot.Worker.Awareness;

internal static class BroadcastState
{
    public const string PendingApproval = "pending_approval";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";
    public const string Enqueuing = "enqueuing";
    public const string Enqueued = "enqueued";
}
