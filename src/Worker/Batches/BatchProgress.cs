namespace Bot.Worker.Batches;

/// <summary>How far a batch is: items in each state, and those whose reported region disagrees with their own.</summary>
internal sealed record BatchProgress(int Total, int Pending, int Suspended, int NotSuspended, int Reopened, int Mismatches)
{
    public int Handled => Total - Pending;
}
