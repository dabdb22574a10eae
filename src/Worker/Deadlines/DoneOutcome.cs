namespace Bot.Worker.Deadlines;

/// <summary>
/// What Done did: closed the occurrence, found it closed already, or refused while <paramref name="Pending"/> things are
/// left (a batch's pending items). <paramref name="Action"/> is the deadline-ack template's action and the toast's key.
/// </summary>
internal sealed record DoneOutcome(string Action, int Pending = 0)
{
    public static readonly DoneOutcome Done = new("done"), AlreadyClosed = new("already_closed");

    public static DoneOutcome ItemsPending(int pending) => new("items_pending", pending);

    public bool Closed => this == Done;
}
