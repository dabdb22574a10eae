namespace Bot.Worker.Scam;

/// <summary>What a CSV import did: the bad lines (then nothing was saved), or how many were added and which were listed already.</summary>
internal sealed record KnownNumberImport(IReadOnlyList<KnownNumberLineError> Errors, int Added, IReadOnlyList<KnownNumberLineError> Skipped)
{
    public bool Saved => Errors.Count == 0;
}
