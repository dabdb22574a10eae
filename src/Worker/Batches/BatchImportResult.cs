namespace Bot.Worker.Batches;

/// <summary>
/// What an import did: the form's problem (a labels.yaml key: no title, unknown team, dates), or the file's bad rows (then
/// nothing was saved), or the new batch with its item count and attribution mismatches.
/// </summary>
internal sealed record BatchImportResult(string? FormProblem, IReadOnlyList<BatchLineError> Errors, Batch? Batch, int Items, int Mismatches)
{
    public bool Saved => Batch is not null;
}
