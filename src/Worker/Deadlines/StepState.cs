namespace Bot.Worker.Deadlines;

internal static class StepState
{
    public const string Scheduled = "scheduled";
    public const string Sent = "sent";
    public const string Skipped = "skipped";
    public const string Cancelled = "cancelled";
}
